"""
Print a fresh token
===================

Shows whether this example ran again.
"""

import os

print("token", os.urandom(8).hex())
