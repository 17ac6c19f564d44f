"""The questions that the site's search must answer, in both editions.

Each question is phrased the way a reader types it into the search box, and
names the pages that answer it (paths within an edition). The search passes a
question when one of those pages is among its first three results.
tests/test_search.py asks every question in Chromium; the numbers that chose the
search engine came from this set too.

A page listed here that is not in the build is left out of that question; a
question left with none of its pages fails.
"""

from __future__ import annotations

from typing import NamedTuple


class Question(NamedTuple):
    query: str
    pages: tuple[str, ...]  # any of them, among the first three results


# Sections of the gallery.
T2N = "auto_examples/tensor_to_numpy/"
N2T = "auto_examples/numpy_to_tensor/"
T2P = "auto_examples/tensor_to_python/"
EDGE = "auto_examples/edge_cases/"
COST = "auto_examples/cost/"
GPU = "auto_examples/gpu/"

SHARES = T2N + "plot_01_numpy_shares_memory.html"
COPIES = T2N + "plot_02_independent_copies.html"
GRAD_TO_NUMPY = T2N + "plot_03_requires_grad.html"
FROM_NUMPY = N2T + "plot_01_from_numpy.html"
TORCH_TENSOR = N2T + "plot_02_torch_tensor_copies.html"
AS_TENSOR = N2T + "plot_03_as_tensor_and_asarray.html"
INTO_AUTOGRAD = N2T + "plot_04_into_autograd.html"
LEGACY = N2T + "plot_05_legacy_constructors.html"
MIXED = N2T + "plot_06_mixed_arithmetic.html"
LIST_OF_ARRAYS = N2T + "plot_07_list_of_arrays.html"
PIL_IMAGES = N2T + "plot_08_pil_images.html"
PANDAS = N2T + "plot_09_pandas.html"
MPS = T2N + "plot_04_mps_tensors.html"
ITEM = T2P + "plot_01_item.html"
MANY_ELEMENTS = T2P + "plot_02_multi_element_tensors.html"
GRAD_SCALARS = T2P + "plot_03_scalars_that_require_grad.html"
TOLIST = T2P + "plot_04_tolist.html"
COMPLEX = T2P + "plot_05_complex_tensors.html"
NEGATIVE_STRIDES = EDGE + "plot_01_negative_strides.html"
READ_ONLY = EDGE + "plot_02_read_only_arrays.html"
BYTE_ORDER = EDGE + "plot_03_byte_order_and_object_arrays.html"
ZERO_D = EDGE + "plot_04_numpy_scalars_and_0d_arrays.html"
NON_CONTIGUOUS = EDGE + "plot_05_non_contiguous_tensors.html"
CONJ = EDGE + "plot_06_conj_and_neg_bits.html"
SPARSE = EDGE + "plot_07_sparse_and_meta_tensors.html"
DLPACK = EDGE + "plot_08_dlpack.html"
BUFFERS = EDGE + "plot_09_buffers_and_memory_maps.html"
LIFETIME = EDGE + "plot_10_lifetime.html"
UNSIGNED = EDGE + "plot_11_unsigned_integers.html"
BFLOAT16 = EDGE + "plot_12_bfloat16_to_numpy.html"
COST_PAGE = COST + "plot_01_conversion_cost.html"
CUDA_TO_NUMPY = GPU + "plot_01_cuda_tensor_to_numpy.html"
NUMPY_TO_CUDA = GPU + "plot_02_numpy_to_cuda.html"
ITEM_ON_CUDA = GPU + "plot_03_item_on_cuda.html"
HOST_TO_DEVICE = GPU + "plot_04_host_to_device_transfers.html"
NON_BLOCKING = GPU + "plot_05_non_blocking_to_cpu.html"
CUPY = GPU + "plot_06_cupy_arrays.html"
JAX = GPU + "plot_07_jax_arrays.html"
GPU_TO_CPU_FAST = GPU + "plot_08_gpu_to_cpu_fast.html"
QUICK_REFERENCE = "quick-reference.html"
MISCONCEPTIONS = "misconceptions.html"
DTYPES = "dtypes.html"
COMPATIBILITY = "compatibility.html"

ENGLISH = [
    Question("tensor to numpy", (SHARES, T2N + "index.html", QUICK_REFERENCE)),
    Question("numpy share memory", (SHARES,)),
    Question(
        "cuda requires grad numpy", (CUDA_TO_NUMPY, GRAD_TO_NUMPY, QUICK_REFERENCE)
    ),
    Question("copy gpu tensor to cpu fast", (GPU_TO_CPU_FAST, NON_BLOCKING)),
    Question("item vs float", (ITEM, MANY_ELEMENTS)),
    Question("torch.tensor vs from_numpy", (TORCH_TENSOR, FROM_NUMPY)),
    Question("bfloat16 numpy", (BFLOAT16, QUICK_REFERENCE, DTYPES)),
    Question("negative strides", (NEGATIVE_STRIDES,)),
    Question("non_blocking", (NON_BLOCKING, HOST_TO_DEVICE)),
    Question("list of numpy arrays to tensor", (LIST_OF_ARRAYS,)),
    Question("detach numpy", (GRAD_TO_NUMPY,)),
    Question("Can't call numpy() on Tensor that requires grad", (GRAD_TO_NUMPY,)),
    Question("cuda tensor to numpy", (CUDA_TO_NUMPY,)),
    Question("numpy array to gpu", (NUMPY_TO_CUDA,)),
    Question("pinned memory", (HOST_TO_DEVICE,)),
    Question("tensor to list", (TOLIST,)),
    Question("tensor to python float", (ITEM,)),
    Question("only one element tensors can be converted", (MANY_ELEMENTS,)),
    Question("loss.item() requires grad", (GRAD_SCALARS,)),
    Question("complex tensor to numpy", (COMPLEX,)),
    Question("read only numpy array warning", (READ_ONLY,)),
    Question("big endian array to tensor", (BYTE_ORDER,)),
    Question("object array to tensor", (BYTE_ORDER,)),
    Question("numpy scalar to tensor", (ZERO_D,)),
    Question("non contiguous tensor to numpy", (NON_CONTIGUOUS,)),
    Question("resolve_conj", (CONJ,)),
    Question("sparse tensor to numpy", (SPARSE,)),
    Question("dlpack", (DLPACK,)),
    Question("memmap to tensor", (BUFFERS,)),
    Question("delete array after from_numpy", (LIFETIME,)),
    Question("is from_numpy faster than torch.tensor", (COST_PAGE,)),
    Question("cupy", (CUPY,)),
    Question("jax", (JAX,)),
    Question(
        "mat1 and mat2 must have the same dtype", (FROM_NUMPY, DTYPES, MISCONCEPTIONS)
    ),
    Question("torch.FloatTensor numpy", (LEGACY,)),
    Question("as_tensor copy", (AS_TENSOR,)),
    Question("numpy array requires_grad", (INTO_AUTOGRAD,)),
    Question("tensor plus numpy array", (MIXED,)),
    Question("uint16 image to tensor", (UNSIGNED, DTYPES)),
    Question("item cuda synchronize", (ITEM_ON_CUDA,)),
    Question("copy tensor to numpy", (COPIES,)),
    Question("async copy to cpu", (NON_BLOCKING, GPU_TO_CPU_FAST)),
    Question("supported dtypes", (DTYPES,)),
    Question("which torch versions", (COMPATIBILITY,)),
    Question("from_numpy", (FROM_NUMPY,)),
    Question("item", (ITEM,)),
    Question("detach", (GRAD_TO_NUMPY,)),
    Question("PIL image to tensor", (PIL_IMAGES,)),
    Question("tensor to PIL image", (PIL_IMAGES,)),
    Question("HWC to CHW", (PIL_IMAGES,)),
    Question("pandas dataframe to tensor", (PANDAS,)),
    Question("Series to tensor", (PANDAS,)),
    Question("mps tensor to numpy", (MPS,)),
    Question("apple silicon gpu", (MPS,)),
    Question("does detach make a copy", (MISCONCEPTIONS, GRAD_TO_NUMPY)),
    Question("common mistakes", (MISCONCEPTIONS,)),
]

CHINESE = [
    Question("张量转numpy", (T2N + "index.html", SHARES, QUICK_REFERENCE)),
    Question("共享内存", (SHARES, FROM_NUMPY)),
    Question("拷贝", (COPIES, TORCH_TENSOR)),
    Question("张量复制到numpy", (COPIES,)),
    Question("独立副本", (COPIES,)),
    Question("显存", (NUMPY_TO_CUDA, CUDA_TO_NUMPY)),
    Question("numpy 放到显存", (NUMPY_TO_CUDA,)),
    Question("异步", (NON_BLOCKING, HOST_TO_DEVICE)),
    Question("异步拷贝到cpu", (NON_BLOCKING, GPU_TO_CPU_FAST)),
    Question("非阻塞拷贝", (NON_BLOCKING, HOST_TO_DEVICE, GPU_TO_CPU_FAST)),
    Question("零拷贝 numpy 转张量", (FROM_NUMPY, AS_TENSOR, SHARES)),
    Question("零拷贝", (SHARES, FROM_NUMPY, AS_TENSOR)),
    Question("带梯度的张量转numpy", (GRAD_TO_NUMPY,)),
    Question("带梯度 item", (GRAD_SCALARS,)),
    Question("不连续", (NON_CONTIGUOUS,)),
    Question("类型转换", (DTYPES,)),
    Question("数据类型", (DTYPES,)),
    Question("标量", (ITEM, ZERO_D)),
    Question("固定内存", (HOST_TO_DEVICE,)),
    Question("锁页内存", (HOST_TO_DEVICE,)),
    Question("分离计算图", (GRAD_TO_NUMPY,)),
    Question("原地修改", (SHARES, QUICK_REFERENCE, MISCONCEPTIONS)),
    Question("负步长", (NEGATIVE_STRIDES,)),
    Question("只读数组", (READ_ONLY,)),
    Question("大端", (BYTE_ORDER,)),
    Question("稀疏张量", (SPARSE,)),
    Question("内存映射", (BUFFERS,)),
    Question("复数张量", (COMPLEX,)),
    Question("张量转列表", (TOLIST,)),
    Question("多个元素 转 python 数值", (MANY_ELEMENTS,)),
    Question("GPU张量转numpy", (CUDA_TO_NUMPY,)),
    Question("numpy转GPU", (NUMPY_TO_CUDA,)),
    Question("转换开销", (COST_PAGE,)),
    Question("旧式构造函数", (LEGACY,)),
    Question("混合运算", (MIXED,)),
    Question("numpy 自动求导", (INTO_AUTOGRAD,)),
    Question("dlpack", (DLPACK,)),
    Question("共轭", (CONJ,)),
    Question("0维数组", (ZERO_D,)),
    Question("删除数组", (LIFETIME,)),
    Question("版本兼容", (COMPATIBILITY,)),
    Question("多个数组转张量", (LIST_OF_ARRAYS,)),
    Question("bfloat16 转 numpy", (BFLOAT16, QUICK_REFERENCE, DTYPES)),
    Question("无符号整数", (UNSIGNED, DTYPES)),
    Question("GPU 张量快速拷贝到 CPU", (GPU_TO_CPU_FAST, NON_BLOCKING)),
    Question("float64 float32 报错", (FROM_NUMPY, DTYPES, MISCONCEPTIONS)),
    Question("from_numpy", (FROM_NUMPY,)),
    Question("cupy", (CUPY,)),
    Question("图片转张量", (PIL_IMAGES,)),
    Question("PIL 图像", (PIL_IMAGES,)),
    Question("DataFrame 转 tensor", (PANDAS,)),
    Question("pandas", (PANDAS,)),
    Question("mps 张量转 numpy", (MPS,)),
    Question("苹果 GPU", (MPS,)),
    Question("常见误区", (MISCONCEPTIONS,)),
    Question("detach 会复制吗", (MISCONCEPTIONS, GRAD_TO_NUMPY)),
]

QUESTIONS = {"en": ENGLISH, "zh_CN": CHINESE}
