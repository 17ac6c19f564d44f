"""
Add one to a tensor
===================

A tiny example that runs.
"""

# %%
# Add one
# -------

import torch

tensor = torch.zeros(2)
import time

time.sleep(600)
print(tensor)
assert tensor.tolist() == [1.0, 1.0]
