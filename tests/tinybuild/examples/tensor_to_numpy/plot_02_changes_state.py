"""
Change global state
===================

Sets a seed, a default dtype and a default device, and leaves them set.
"""

import numpy as np
import torch

torch.manual_seed(1234)
np.random.seed(1234)
torch.set_default_dtype(torch.float64)
torch.set_default_device("meta")
print(torch.get_default_dtype())
