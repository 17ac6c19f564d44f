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
tensor.add_(1)
print(tensor)
assert tensor.tolist() == [2.0, 2.0]
