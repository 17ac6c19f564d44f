"""
Put a tensor on the GPU
=======================

A page that needs CUDA: a build without it shows what the grid's GPU
environment recorded.
"""

import sys

import torch

if not torch.cuda.is_available():
    sys.exit("This example needs CUDA.")

# %%
# On the GPU
# ----------

tensor = torch.ones(2, device="cuda")
print(tensor.device)
