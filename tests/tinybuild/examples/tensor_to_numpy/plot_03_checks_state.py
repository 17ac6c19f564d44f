"""
Check the starting state
========================

Runs after an example that changed global state.
"""

import numpy as np
import torch

print(torch.get_default_dtype(), torch.get_default_device())
print(torch.rand(2), np.random.rand(1))
assert torch.get_default_dtype() == torch.float32
assert torch.get_default_device() == torch.device("cpu")
torch.manual_seed(0)
expected = torch.rand(2)
