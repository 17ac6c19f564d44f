"""Words for the tables that the reference pages compute, in the edition's language.

The notebook pages (``quick-reference.md``, ``conversion-matrix.md``,
``dtypes.md``) are executed while each edition is built, and the words in the
tables they print must be those of the edition. In a notebook cell::

    from table_labels import label

    label("copies")                                   # "copies" / "复制"
    label("shares_memory_with", name="`t`")           # "shares memory with `t`" / "与 `t` 共享内存"

Add a key to every language in ``WORDING`` (a test checks that each language has
every key, with the same placeholders). The kernels learn the edition from
``SITE_LANGUAGE``, which docs/_ext/notebook_kernels.py sets. A Colab notebook
writes this module beside itself, so it holds only what the tables need.
"""

from __future__ import annotations

import os

LANGUAGE_VARIABLE = "SITE_LANGUAGE"
DEFAULT_LANGUAGE = "en"

WORDING: dict[str, dict[str, str]] = {
    "en": {
        # Shared by the pages.
        "yes": "yes",
        "no": "no",
        "yes_with": "yes: {items}",
        "copies": "copies",
        "no_copies": "no, copies",
        "shares_memory": "shares memory",
        "shares_memory_with": "shares memory with {name}",
        "list_separator": ", ",
        "header_call": "Call",
        "header_dtype": "dtype",
        "header_warning": "Warning",
        "no_warning": "No call emitted a warning.",
        # quick-reference.md: the table.
        "header_want": "What you want",
        "header_shares_or_copies": "Shares or copies",
        "header_example": "Example",
        "not_run_no_cuda": "not run on this build (no CUDA)",
        "not_run_no_mps": "not run on this build (no MPS)",
        "then_pil_image": ", a PIL image",
        "then_dtype_change": ", {before} → {after}",
        "then_python_list": ", a Python list of {type}",
        "then_python_value": ", a Python {type}",
        "then_warns": "; warns: {categories}",
        # quick-reference.md: what you want, one per row.
        "want_cpu_tensor_to_numpy": "CPU tensor → NumPy array",
        "want_independent_array": (
            "A NumPy array that you can change without changing the tensor"
        ),
        "want_grad_tensor_to_numpy": "Tensor that requires grad → NumPy array",
        "want_complex_tensor_to_numpy": "Complex tensor (no conjugate bit) → NumPy array",
        "want_conj_to_numpy": "Conjugate view of a complex tensor ({views}) → NumPy array",
        "want_transposed_to_numpy": "Non-contiguous (transposed) tensor → NumPy array",
        "want_sparse_to_numpy": "Sparse tensor → NumPy array",
        "want_dlpack_to_numpy": "CPU tensor → NumPy array through DLPack",
        "want_shared_tensor": "NumPy array → tensor that uses the same memory",
        "want_independent_tensor": "NumPy array → independent tensor",
        "want_tensor_copy": "Tensor → independent tensor (instead of {call}, which warns)",
        "want_unsigned_to_tensor": "NumPy {dtype} array (a 16-bit image) → tensor",
        "want_numpy_scalar_to_tensor": "NumPy scalar (what {example} returns) → tensor",
        "want_tensor_copy_if_needed": "NumPy array → tensor, copying only when needed",
        "want_tensor_for_autograd": "NumPy array → tensor for autograd",
        "want_legacy_constructor": (
            "NumPy {dtype} array → tensor with the legacy constructor"
        ),
        "want_read_only_to_tensor": "Read-only NumPy array → tensor",
        "want_read_only_to_writable": "Read-only NumPy array → writable tensor",
        "want_memmap_to_tensor": "File mapped with {memmap} → tensor over the file's pages",
        "want_buffer_to_tensor": "{buffer} → tensor over its bytes",
        "want_item": "Tensor with one element → Python number",
        "want_item_requires_grad": (
            "Tensor with one element that requires grad → Python number"
        ),
        "want_array_item": "NumPy array with one element → Python number (instead of {call})",
        "want_formatted": "Tensor with one element → formatted string",
        "want_tolist": "Tensor with many elements → nested Python list",
        "want_complex_item": "Complex tensor with one element → Python number",
        "want_complex_tolist": "Complex tensor → nested Python list",
        "want_cuda_to_numpy": "CUDA tensor → NumPy array",
        "want_cuda_grad_to_numpy": "CUDA tensor that requires grad → NumPy array",
        "want_bfloat16_to_numpy": "bfloat16 tensor → NumPy array",
        "want_reversed_array_to_tensor": "Reversed (negative-stride) NumPy array → tensor",
        "want_list_of_arrays_to_tensor": "List of NumPy arrays → one tensor",
        "want_image_to_tensor": "PIL image → float tensor, channels first, from 0 to 1",
        "want_tensor_to_image": "Float image tensor (channels first, 0 to 1) → PIL image",
        "want_dataframe_to_tensor": "pandas DataFrame of numbers → tensor",
        "want_mps_to_numpy": "Apple GPU (MPS) tensor → NumPy array",
        "want_numpy_to_mps": "float64 NumPy array → Apple GPU (MPS) tensor",
        "want_numpy_to_cuda": "NumPy array → CUDA tensor",
        "want_cuda_item": "CUDA tensor with one element → Python number",
        # conversion-matrix.md
        "header_shares_memory": "Shares memory",
        "header_keeps_dtype": "Keeps dtype",
        "header_with_requires_grad": "With requires_grad",
        "header_with_cuda": "With CUDA",
        "header_cost": "Cost",
        "header_input": "Input",
        "header_warns": "Warns",
        "header_emitted_by": "Emitted by",
        "input_1d_array": "1-d array",
        "input_0d_array": "0-d array",
        "input_numpy_scalar": "NumPy scalar",
        "shares_for_some_dtypes": "yes for {sharing}; copies {copying}",
        "dtype_changed": "no: {changes}",
        "fails_with_error": "fails: {error} (error {number})",
        "works": "works, {sharing}; {result}",
        "result_on_device": "result on {device}",
        "result_requires_grad": "result requires grad",
        "result_does_not_require_grad": "result does not require grad",
        "returns_array": "returns an array",
        "returns_python": "returns a Python {type}",
        "cost_one_element": "O(1): one element",
        "cost_shares_or_copies": "O(1) where it shares, O(n) where it copies",
        "not_run": "not run on this build",
        "with_change": "with {change}: {outcome}",
        "errors_in_table": (
            "Errors in this table (type and first sentence of the message):"
        ),
        "matrix_versions": (
            "The results on this page come from torch {torch} and NumPy {numpy}. {cuda}"
        ),
        "cuda_column_run": "CUDA was available ({device}), so the CUDA column was run.",
        "cuda_column_not_run": "CUDA was not available, so the CUDA column was not run.",
        # dtypes.md
        "dtypes_versions": (
            "The results on this page come from torch {torch} and NumPy {numpy}, "
            "on a {byte_order} machine."
        ),
        "little_endian": "little-endian",
        "big_endian": "big-endian",
        "header_other_names": "Other names",
        "header_make_tensor": "Make a tensor",
        "header_numpy_gives": "{call} gives",
        "header_scalar_type": "Scalar type",
        "header_character_code": "Character code",
        "header_shown_by_numpy": "Shown by NumPy as",
        "header_emitted_while_probing": "Emitted while probing",
        "zeros_fails_empty_works": "{zeros} fails: {error}; {empty} works",
        "zeros_and_empty_fail": "{zeros} fails: {zeros_error}; {empty} fails too: {empty_error}",
        "not_tried_no_tensor": "not tried: no tensor",
        "header_dtypes_numpy_lacks": "dtypes that NumPy lacks",
        "error_naming_the_dtype": "{error}, then the dtype's name",
        "torch_dtypes_convert": (
            "{count} of the {total} torch dtypes convert, each to the NumPy dtype "
            "of the same name: {names}."
        ),
        "crashes_process": "crashes the Python process ({signal})",
        "making_array_fails": "making the array fails: {error}",
        "full_message_follows": (
            "The table shows the first sentence of each message. The full {error} "
            "message also lists the types that {call} accepts:"
        ),
        "no_warning_emitted": "No warning was emitted.",
    },
    "zh_CN": {
        # Shared by the pages.
        "yes": "是",
        "no": "否",
        "yes_with": "是：{items}",
        "copies": "复制",
        "no_copies": "否，复制",
        "shares_memory": "共享内存",
        "shares_memory_with": "与 {name} 共享内存",
        "list_separator": "、",
        "header_call": "调用",
        "header_dtype": "dtype",
        "header_warning": "警告",
        "no_warning": "没有任何调用发出警告。",
        # quick-reference.md: the table.
        "header_want": "你要做的事",
        "header_shares_or_copies": "共享还是复制",
        "header_example": "示例",
        "not_run_no_cuda": "本次构建未运行（没有 CUDA）",
        "not_run_no_mps": "本次构建未运行（没有 MPS）",
        "then_pil_image": "，得到 PIL 图像",
        "then_dtype_change": "，{before} → {after}",
        "then_python_list": "，得到元素为 {type} 的 Python 列表",
        "then_python_value": "，得到 Python {type}",
        "then_warns": "；发出警告：{categories}",
        # quick-reference.md: what you want, one per row.
        "want_cpu_tensor_to_numpy": "CPU 张量 → NumPy 数组",
        "want_independent_array": "修改时不会影响张量的 NumPy 数组",
        "want_grad_tensor_to_numpy": "需要梯度的张量 → NumPy 数组",
        "want_complex_tensor_to_numpy": "复数张量（未设置共轭位）→ NumPy 数组",
        "want_conj_to_numpy": "复数张量的共轭视图（{views}）→ NumPy 数组",
        "want_transposed_to_numpy": "非连续（转置后）的张量 → NumPy 数组",
        "want_sparse_to_numpy": "稀疏张量 → NumPy 数组",
        "want_dlpack_to_numpy": "CPU 张量 → NumPy 数组，通过 DLPack",
        "want_shared_tensor": "NumPy 数组 → 使用同一块内存的张量",
        "want_independent_tensor": "NumPy 数组 → 独立的张量",
        "want_tensor_copy": "张量 → 独立的张量（代替会发出警告的 {call}）",
        "want_unsigned_to_tensor": "NumPy {dtype} 数组（例如 16 位图像）→ 张量",
        "want_numpy_scalar_to_tensor": "NumPy 标量（例如 {example} 的返回值）→ 张量",
        "want_tensor_copy_if_needed": "NumPy 数组 → 张量，只在需要时复制",
        "want_tensor_for_autograd": "NumPy 数组 → 参与自动求导的张量",
        "want_legacy_constructor": "NumPy {dtype} 数组 → 张量，使用旧式构造函数",
        "want_read_only_to_tensor": "只读 NumPy 数组 → 张量",
        "want_read_only_to_writable": "只读 NumPy 数组 → 可写的张量",
        "want_memmap_to_tensor": "用 {memmap} 映射的文件 → 建立在文件内存页之上的张量",
        "want_buffer_to_tensor": "{buffer} → 建立在其字节之上的张量",
        "want_item": "只有一个元素的张量 → Python 数值",
        "want_item_requires_grad": "只有一个元素、需要梯度的张量 → Python 数值",
        "want_array_item": "只有一个元素的 NumPy 数组 → Python 数值（代替 {call}）",
        "want_formatted": "只有一个元素的张量 → 格式化的字符串",
        "want_tolist": "有多个元素的张量 → 嵌套的 Python 列表",
        "want_complex_item": "只有一个元素的复数张量 → Python 数值",
        "want_complex_tolist": "复数张量 → 嵌套的 Python 列表",
        "want_cuda_to_numpy": "CUDA 张量 → NumPy 数组",
        "want_cuda_grad_to_numpy": "需要梯度的 CUDA 张量 → NumPy 数组",
        "want_bfloat16_to_numpy": "bfloat16 张量 → NumPy 数组",
        "want_reversed_array_to_tensor": "反转（负步幅）的 NumPy 数组 → 张量",
        "want_list_of_arrays_to_tensor": "NumPy 数组组成的列表 → 一个张量",
        "want_image_to_tensor": "PIL 图像 → 通道在前、取值 0 到 1 的浮点张量",
        "want_tensor_to_image": "浮点图像张量（通道在前，0 到 1）→ PIL 图像",
        "want_dataframe_to_tensor": "全为数值的 pandas DataFrame → 张量",
        "want_mps_to_numpy": "Apple GPU（MPS）张量 → NumPy 数组",
        "want_numpy_to_mps": "float64 NumPy 数组 → Apple GPU（MPS）张量",
        "want_numpy_to_cuda": "NumPy 数组 → CUDA 张量",
        "want_cuda_item": "只有一个元素的 CUDA 张量 → Python 数值",
        # conversion-matrix.md
        "header_shares_memory": "共享内存",
        "header_keeps_dtype": "保留 dtype",
        "header_with_requires_grad": "需要梯度时",
        "header_with_cuda": "使用 CUDA 时",
        "header_cost": "开销",
        "header_input": "输入",
        "header_warns": "发出警告",
        "header_emitted_by": "发出警告的调用",
        "input_1d_array": "1 维数组",
        "input_0d_array": "0 维数组",
        "input_numpy_scalar": "NumPy 标量",
        "shares_for_some_dtypes": "{sharing} 共享内存；{copying} 复制",
        "dtype_changed": "否：{changes}",
        "fails_with_error": "失败：{error}（错误 {number}）",
        "works": "成功，{sharing}；{result}",
        "result_on_device": "结果在 {device} 上",
        "result_requires_grad": "结果需要梯度",
        "result_does_not_require_grad": "结果不需要梯度",
        "returns_array": "返回数组",
        "returns_python": "返回 Python {type}",
        "cost_one_element": "O(1)：只有一个元素",
        "cost_shares_or_copies": "共享时 O(1)，复制时 O(n)",
        "not_run": "本次构建未运行",
        "with_change": "加上 {change}：{outcome}",
        "errors_in_table": "本表中的错误（错误类型及错误信息的第一句）：",
        "matrix_versions": "本页的结果来自 torch {torch} 和 NumPy {numpy}。{cuda}",
        "cuda_column_run": "本次构建有 CUDA（{device}），因此运行了“使用 CUDA 时”一列的测试。",
        "cuda_column_not_run": "本次构建没有 CUDA，因此没有运行“使用 CUDA 时”一列的测试。",
        # dtypes.md
        "dtypes_versions": (
            "本页的结果来自 torch {torch} 和 NumPy {numpy}，运行在{byte_order}的机器上。"
        ),
        "little_endian": "小端序",
        "big_endian": "大端序",
        "header_other_names": "其他名称",
        "header_make_tensor": "创建张量",
        "header_numpy_gives": "{call} 的结果",
        "header_scalar_type": "标量类型",
        "header_character_code": "字符码",
        "header_shown_by_numpy": "NumPy 显示为",
        "header_emitted_while_probing": "测试以下各项时发出",
        "zeros_fails_empty_works": "{zeros} 失败：{error}；{empty} 成功",
        "zeros_and_empty_fail": "{zeros} 失败：{zeros_error}；{empty} 也失败：{empty_error}",
        "not_tried_no_tensor": "未尝试：没有张量",
        "header_dtypes_numpy_lacks": "NumPy 没有的 dtype",
        "error_naming_the_dtype": "{error}，后接该 dtype 的名称",
        "torch_dtypes_convert": (
            "{total} 种 torch dtype 中有 {count} 种可以转换，各自转换为 NumPy 中"
            "同名的 dtype：{names}。"
        ),
        "crashes_process": "Python 进程崩溃（{signal}）",
        "making_array_fails": "创建数组失败：{error}",
        "full_message_follows": (
            "表格中只显示每条错误信息的第一句。完整的 {error} 错误信息还列出了 "
            "{call} 接受的类型："
        ),
        "no_warning_emitted": "没有发出任何警告。",
    },
}


def language() -> str:
    """The edition being built (``SITE_LANGUAGE``); English outside a build."""
    chosen = os.environ.get(LANGUAGE_VARIABLE) or DEFAULT_LANGUAGE
    return chosen if chosen in WORDING else DEFAULT_LANGUAGE


def label(key: str, **fields: str) -> str:
    """The words for ``key`` in the edition's language, with ``fields`` filled in."""
    return WORDING[language()][key].format(**fields)
