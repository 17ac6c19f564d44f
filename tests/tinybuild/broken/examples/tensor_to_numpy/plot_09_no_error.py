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
assert tensor.tolist() == [1.0, 1.0]

try:
    tensor.numpy()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("numpy() was expected to refuse this tensor")
