"""The judge's own reading of a submission: does a hand-written function reach torch's convolution?

"Convolution by hand" (q6) earns its points only on evidence the judge controls.
What a worker reports about itself (the torch functions a call used) can be
forged by the code it runs, so the decision rests on this reading of the whole
source, in the judge, before anything runs.  Three rules:

1. **Reachable code is clean.**  The definition of ``conv2d`` that is in force
   when the checks run (the last binding of the name), and everything it can
   reach by name under Python's scoping rules (helpers, aliases, imports,
   classes, decorators, default arguments), must not name torch's convolution
   or pooling (any attribute or imported name matching :data:`BUILT_IN`, a
   star import that binds one), nor look an attribute up by a computed name.
   A local name inside a function is that function's own: a top-level
   ``out = F.conv2d(...)`` self-check does not taint a local ``out``.  When a
   reachable name is bound more than once in a way whose order cannot be read
   off the text (inside a loop, a branch, a ``try``, a ``with``, a ``match``,
   by a ``global`` statement), every one of its bindings counts; so does every
   statement that changes a reachable object (``table.update(...)``,
   ``box.c = ...``), through any name bound to it.

2. **The whole submission stays readable.**  Features that let code run or
   rebind names out of the reader's sight make the reading unverifiable, so a
   submission that uses any of them, anywhere, earns nothing on the by-hand
   part (:data:`UNREADABLE_IMPORTS`, :data:`UNREADABLE_NAMES`,
   :data:`UNREADABLE_ATTRIBUTES`, private torch attributes, patching imported
   modules, dunder hooks, metaclasses, modules that are not installed).  They
   are threads and callbacks, tracing hooks and frame or heap inspection,
   ``exec``/``eval``/``compile`` and computed attribute names, TorchScript,
   ``torch.library``/``torch.ops``/``torch._C``, dynamic imports and code
   written then imported.  Ordinary notebooks use none of them.

   What reaches objects by a value rather than by a name in the text counts the
   same, whatever it is called or wherever it stands: the attribute functions
   (``getattr``, ``setattr``, ``delattr``, ``hasattr``, ``dir``) other than as a
   direct call, or with a computed name (except a method's own layers,
   ``getattr(self, f"conv{i}")``, and ``getattr(nn, activation)``); a module used
   as a value (``(operator,)[0]``, ``def f(t=torch)``); private attributes of
   anything but the submission's own objects; and loaders that unpickle or
   resolve names from strings (``np.load`` with ``allow_pickle``,
   ``pd.read_pickle``, ``torch.load`` without ``weights_only=True``, ``joblib``,
   ``shelve``, YAML's object loaders, ``typing.get_type_hints``, ``unittest.mock``).

3. **What a by-hand function reaches is an allowlist.**  Every name rule 1 follows from it, and every
   import, attribute chain of an imported name and built-in in that code, must be known
   (:data:`KNOWN_MODULES`, :data:`KNOWN_BUILTINS`): pure modules of the standard library, numpy's and torch's
   arrays and mathematics, the submission's own code.  Anything else (a resolver of dotted names, another
   process, a thread pool, a name torch does not have) makes the by-hand part unreadable, and only it.

Every rule works on the syntax tree; the cost is linear in the size of the source
(a name's scopes are linked, not copied; an attribute chain's links remember their root).
"""

from __future__ import annotations

import ast
import builtins
import dataclasses
import functools
import glob
import importlib.util
import inspect
import keyword
import re
import sys
import textwrap
import time
from dataclasses import dataclass
from typing import Callable

from ..checkapi.magics import RUN_MAGIC_OPTIONS, magic_statement
from ..parsing import PARSER, parse

#: A name that is torch's (or a library's) own convolution or pooling: ``F.conv2d``, ``nn.MaxPool2d``,
#: ``torch.conv_tbc``, ``F._max_pool2d``, ``nn.ConvTranspose2d``, ``np.convolve``, ``correlate2d``...; and torch's
#: functions built on its pooling (``F.interpolate`` in area mode, ``F.local_response_norm``, an upsampling's
#: gradient: attack rounds 27b and 29b)
BUILT_IN = re.compile(r"conv|pool|correlat|interpolate|local_response_norm|upsampl", re.IGNORECASE)

#: Modules whose use lets code run out of sight (threads, callbacks, other processes), reach into frames,
#: the heap or C, or load code the reader cannot see.
UNREADABLE_IMPORTS = frozenset({
    "threading", "_thread", "concurrent", "multiprocessing", "asyncio", "sched", "signal", "atexit", "weakref",
    "subprocess", "pty", "ctypes", "cffi", "inspect", "importlib", "pkgutil", "runpy", "imp", "zipimport",
    "codecs", "copyreg",  # registries of functions called from inside str.encode, pickle (attack round 9)
    "code", "codeop", "pickle", "_pickle", "dill", "cloudpickle", "marshal", "copyreg", "builtins", "pydoc",
    "timeit", "cProfile", "profile", "jinja2", "mako", "string_eval", "site",
    "__builtin__", "numba", "cython", "tracemalloc", "faulthandler", "bdb", "pdb", "trace", "dis", "opcode",
    # the source lines `inspect` and TorchScript read a function from: rewritten, `@torch.jit.script` compiles
    # other code than the reader read (attack round 18: a conv2d compiled from lines calling torch.conv2d)
    "linecache",
})
#: Of :data:`UNREADABLE_IMPORTS`, the standard library's modules that run nothing as they load: imported and never
#: used, they are no finding (a leftover `import pdb`, `import cProfile`).
INERT_WHEN_UNUSED = frozenset({
    "_thread", "asyncio", "sched", "signal", "atexit", "weakref", "subprocess", "pty", "ctypes", "inspect",
    "importlib", "pkgutil", "runpy", "zipimport", "codecs", "copyreg", "code", "codeop", "pickle", "_pickle",
    "marshal", "builtins", "pydoc", "timeit", "cProfile", "profile", "site", "tracemalloc", "faulthandler", "bdb",
    "pdb", "trace", "dis", "opcode", "linecache",
})
#: Built-in names that run code from strings, look names up at run time, or hand out namespaces.
UNREADABLE_NAMES = frozenset({
    "exec", "eval", "compile", "__import__", "globals", "locals", "vars", "breakpoint", "__builtins__",
    "__loader__", "__spec__", "memoryview",
})
#: Of those, the ones that only read or fill the submission's own namespace (``globals().update(...)``
#: binds names out of the reader's sight, but holds nothing of the worker's): q6's by-hand part only.
NAMESPACE_NAMES = frozenset({"globals", "locals", "vars"})
#: What ``inspect`` may be used for without reaching frames or objects out of sight: reading source
#: (which the cells give it, as Jupyter does), signatures and kinds.
READABLE_INSPECT = frozenset({
    "get_annotations",  # a copy of the annotations (with eval_str=, which evaluates text, refused: EVALUATING_KEYWORDS)
    "signature", "Signature", "Parameter", "getsource", "getsourcelines", "getdoc", "cleandoc", "getfile",
    "getsourcefile", "getfullargspec", "isfunction", "isclass", "ismethod", "isbuiltin", "isroutine",
    "iscoroutinefunction", "isgeneratorfunction", "isabstract",
})
#: Of :data:`UNREADABLE_IMPORTS`, modules with parts that run nothing out of sight: imported alone or for these
#: names only, they are readable (fairness round 13: `import pickle` to save answers, `from timeit import
#: default_timer` to time conv2d cost -10 unused).  ``pickle.load`` runs any function a file names; ``timeit``
#: runs a statement given as text (a callable it is given is read where it is written: see
#: :func:`_plain_timing`); ``weakref.finalize`` calls back at collection; ``codecs.register`` calls a search
#: function from inside every ``encode``.
READABLE_PARTS: dict[str, frozenset[str]] = {
    "inspect": READABLE_INSPECT,
    "pickle": frozenset({"dump", "dumps", "HIGHEST_PROTOCOL", "DEFAULT_PROTOCOL", "PickleError", "PicklingError"}),
    "timeit": frozenset({"default_timer", "timeit", "repeat", "Timer"}),
    # a traceback written to stderr on a fatal signal only, when the process ends anyway (fairness round 55:
    # `faulthandler.enable()` while exploring, -10); dump_traceback writes every frame's file as text
    "faulthandler": frozenset({"enable", "disable", "is_enabled"}),
    "tracemalloc": frozenset({"start", "stop", "get_traced_memory", "reset_peak", "is_tracing", "clear_traces"}),
    "weakref": frozenset({"ref", "WeakValueDictionary", "WeakKeyDictionary", "WeakSet"}),
    "codecs": frozenset({"open", "encode", "decode", "BOM_UTF8"}),
}
#: Built-in functions that reach an attribute by a name given as a value: in code reachable from a
#: by-hand function, only with a constant name; ``setattr``/``delattr`` anywhere only on ``self``/``cls``.
ATTRIBUTE_FUNCTIONS = frozenset({"getattr", "setattr", "delattr"})
#: Attributes that reach frames, the heap, tracing, the import system, TorchScript, torch's dispatch,
#: other processes, or compiled code.
UNREADABLE_ATTRIBUTES = frozenset({
    "settrace", "setprofile", "_getframe", "_current_frames", "f_back", "f_globals", "f_locals", "f_code",
    "f_builtins", "gi_frame", "cr_frame", "ag_frame", "tb_frame", "get_objects", "get_referrers",
    "get_referents", "meta_path", "path_hooks", "path_importer_cache", "attrgetter", "methodcaller",
    "getattr_static", "jit", "library", "ops", "fx", "overrides", "compile", "export", "cpp_extension",
    "load_inline", "system", "popen", "fork", "forkpty", "execv", "execve", "execvp", "execl", "execlp",
    "spawnv", "spawnl", "posix_spawn", "addaudithook", "excepthook", "displayhook", "modules",
    "register_forward_hook", "register_forward_pre_hook", "register_module_forward_hook",
    "register_module_forward_pre_hook", "register_hook", "TorchFunctionMode", "TorchDispatchMode",
    "DisableTorchFunction", "DisableTorchFunctionSubclass", "as_subclass", "grad", "get_field", "Formatter",
    "FunctionType", "CodeType", "LambdaType", "MethodType", "ModuleType", "CellType", "FrameType", "new_class",
    "user_ns", "user_global_ns", "run_cell", "run_code", "ex", "ev", "push",
    # torch calls these back from inside its own operations, out of the reader's sight (and of the
    # worker's trace): autograd's saved-tensor and gradient hooks, elementwise Python callbacks.
    "saved_tensors_hooks", "save_on_cpu", "register_multi_grad_hook", "register_full_backward_hook",
    "register_full_backward_pre_hook", "register_backward_hook", "register_post_accumulate_grad_hook",
    # (a tensor's post-accumulate hook is as readable as its gradient hook, GRADIENT_HOOKS: on a parameter it makes
    # a judged pass unjudgeable, grader.checkapi.handler TENSOR_HOOKS; fairness round 57's logging hook cost q6 too)
    # a hook on an autograd node (a parameter's AccumulateGrad: attack round 14 zeroed every gradient with one), and
    # the ways to a parameter's AccumulateGrad node, whose hooks run only in training's backward pass (attack round
    # 19: `w.view_as(w).grad_fn.next_functions[0][0].register_hook(...)` froze or reversed the gradients)
    "register_prehook", "next_functions", "get_gradient_edge", "GradientEdge",
    "apply_", "map_", "map2_",
    # code training runs that no judged pass does: an optimizer's step and zero_grad hooks (global or one
    # optimizer's), a model's state-dict hooks (attack round 18: the convolutions put back after every step,
    # gradients reversed before it, re-initialised on every load_state_dict)
    "register_optimizer_step_pre_hook", "register_optimizer_step_post_hook", "register_step_pre_hook",
    "register_step_post_hook", "register_zero_grad_pre_hook", "register_load_state_dict_pre_hook",
    "register_load_state_dict_post_hook", "register_state_dict_pre_hook", "register_state_dict_post_hook",
    # frames and their locals, reached through the traceback module instead of sys._getframe (every caller's file
    # as text, `traceback.format_stack()`, is read where a model reaches it: STACK_TEXT)
    "walk_stack", "walk_tb", "extract_stack", "StackSummary", "FrameSummary", "capture_locals",
    "currentframe", "getouterframes", "getinnerframes",
    # logging's search of the caller's frame, any number of calls up (attack round 58: a model that was the asked
    # network only when a caller's file was the worker's)
    "findCaller",
})
#: torch.nn.Module's tables of hooks (``vars(nn.Linear(1, 1))``).
MODULE_HOOK_TABLES = frozenset({
    "_backward_hooks", "_backward_pre_hooks", "_forward_hooks", "_forward_hooks_always_called",
    "_forward_hooks_with_kwargs", "_forward_pre_hooks", "_forward_pre_hooks_with_kwargs", "_is_full_backward_hook",
    "_load_state_dict_post_hooks", "_load_state_dict_pre_hooks", "_state_dict_hooks", "_state_dict_pre_hooks"})
#: Of those, the attributes that are unreadable on any object, not only through an imported name: a tensor's
#: elementwise Python callbacks (``torch.zeros(1).apply_(f)`` runs ``f`` inside a torch operation) and a frame's
#: links (``sys.exc_info()[2].tb_frame.f_back``).  None of them is anything else's name.
ANY_RECEIVER_ATTRIBUTES = frozenset({"apply_", "map_", "map2_", "tb_frame", "f_back", "f_globals", "f_locals",
                                     "f_code", "f_builtins", "gi_frame", "cr_frame", "ag_frame",
                                     # a module's tables of hooks: the worker's recorder hooks every module of a
                                     # model it describes or judges (attack round 76: one output per input only
                                     # while `self._forward_pre_hooks` held one)
                                     *MODULE_HOOK_TABLES})
#: Of those, the objects that only share a name with an unreadable one (``os.system`` runs a shell,
#: ``platform.system`` names the OS; ``string.Formatter`` reaches attributes, ``logging.Formatter`` formats
#: records): by the module the name resolves to.
PLAIN_MODULE_ATTRIBUTES = frozenset({"platform.system", "logging.Formatter"})
#: Metaclasses that run no code of the submission's: ``class Layer(metaclass=ABCMeta)``.
PLAIN_METACLASSES = frozenset({"abc.ABCMeta"})
#: Library classes that give an instance of a class deriving from them nothing but that metaclass.
PLAIN_BASES = frozenset({"abc.ABC"})
#: What of ``torch.jit`` compiles only the student's own code (read where it is written) into a copy of a model the
#: checks never build, or asks whether it runs so: not its tracer (a graph recorded from a run, not the source read),
#: loaders, compilation units or internals.
READABLE_JIT = frozenset({"script", "is_scripting", "is_tracing"})
#: Of those, the attributes that are only unreadable on torch (``re.compile`` is fine, ``torch.compile`` is not).
TORCH_ONLY_ATTRIBUTES = frozenset({"jit", "library", "ops", "fx", "overrides", "compile", "export"})
#: Built-in functions that reach an attribute or a name by a value.  They are readable only as a direct call
#: (``getattr(obj, "name")``); bound to another name, passed to ``map``/``functools.reduce``/``partial``, an
#: attribute of them (``getattr.__call__``), kept in a container or rebound, they reach what the reader never
#: sees named.  (``vars``, ``globals``... are unreadable outright, :data:`UNREADABLE_NAMES`.)
NAME_REACHING_BUILTINS = frozenset({"getattr", "setattr", "delattr", "hasattr", "dir"})
#: The only modules whose attributes may be looked up by a computed name (``getattr(nn, activation)``); on
#: anything else but a method's own ``self``/``cls``, a computed name is unreadable anywhere.
COMPUTED_NAME_MODULES = frozenset({"torch.nn"})
#: Of :data:`UNREADABLE_ATTRIBUTES`, the names that are also everyday attributes (``model.modules()``,
#: ``x.grad``, ``re.compile``): unreadable on imported modules only.  Every other one is unreadable on any
#: object, however that object was reached (a module taken out of a tuple, a class attribute, a return value).
#: torch's hooks for every module at once (``torch.nn.modules.module.register_module_...``).
GLOBAL_HOOK_PREFIX = "register_module_"
#: Hooks one module runs inside its own forward pass: readable.  The hook is named where it is registered, so
#: the reader reaches it with that code; it runs only inside that module's call, where the models' recorder
#: watches as it watches ``forward`` (fairness round 8: a pre-hook that adds the channel axis; a pre-hook that
#: zeroes the weights is caught there, as the parameter changed during the pass).
MODEL_HOOKS = frozenset({"register_forward_hook", "register_forward_pre_hook"})
#: A tensor's gradient hook, and a module's backward hooks: readable.  They run in the backward pass, where the
#: models' gradient check compares what reaches the parameters with the reference's (a Grad-CAM hook in
#: ``forward``, fairness round 14; gradient norms logged, round 13); a hook on a parameter itself, which would
#: change its gradient after it arrives (attack round 12 kept a 3x3 kernel 1x1 with one), makes a judged pass
#: unjudgeable (grader.checkapi.handler), and one on an autograd node (``register_prehook``) is unreadable.
GRADIENT_HOOKS = frozenset({"register_hook", "register_full_backward_hook", "register_full_backward_pre_hook",
                            "register_backward_hook", "register_post_accumulate_grad_hook"})
EVERYDAY_ATTRIBUTES = TORCH_ONLY_ATTRIBUTES | {"modules", "grad", "system", "popen", "fork", "push", "ex", "ev"} \
    | MODEL_HOOKS | GRADIENT_HOOKS  # torch's global module hooks stay unreadable: an imported name
#: torch's entry points for running a function under (or out of) the torch-function modes, on any object.
TORCH_FUNCTION_ATTRIBUTES = frozenset({"handle_torch_function", "has_torch_function", "has_torch_function_unary",
                                       "has_torch_function_variadic", "is_tensor_like", "enable_reentrant_dispatch"})
#: Attributes that reach objects by a name in a string or a file: loaders that unpickle (a pickle's GLOBAL
#: opcode imports any module and returns any of its names, from bytes the reader never reads as code), YAML's
#: object-building loaders, string annotations evaluated, logging's and pydoc's dotted-name resolvers; and
#: libraries' evaluators of a text or a file as Python (attack round 42: IPython's formatters that ``eval`` each
#: field, distutils' ``run_setup`` and Sphinx's and traitlets' configuration files that ``exec`` a file's text,
#: jinja2 templates made from a text, which reach ``__builtins__``, through the environment pandas' Styler hands
#: out).
LOADING_ATTRIBUTES = frozenset({
    "read_pickle", "read_hdf", "HDFStore", "read_array", "pickle_compat", "unsafe_load", "unsafe_load_all",
    "full_load", "full_load_all", "UnsafeLoader", "FullLoader", "get_type_hints", "ForwardRef", "dictConfig",
    "fileConfig", "resolve_name", "locate", "import_module", "find_class", "BaseConfigurator",
    "DictConfigurator", "ConvertingDict", "ConvertingList", "runctx",
    "EvalFormatter", "FullEvalFormatter", "DollarFormatter", "run_setup", "eval_config_file", "PyFileConfigLoader",
    "load_pyconfig_files",
    # of the libraries a notebook may use, the rest of their evaluators of text: PIL's ImageMath, typing_extensions'
    # forward references; numpy.testing's measure and rundocs, an IPython shell's evaluators, pytest's plugins and
    # markers with text conditions, YAML's constructors of Python objects (attack round 44)
    "unsafe_eval", "evaluate_forward_ref", "measure", "rundocs", "extbuild", "user_expressions", "safe_execfile",
    "safe_execfile_ipy", "safe_run_module", "run_ast_nodes", "run_cell_async", "add_marker", "UnsafeConstructor",
    "FullConstructor", "Constructor", "construct_python_object_apply", "construct_python_name",
    "construct_python_module", "find_python_name", "make_python_instance",
    # attack round 45: numpy.testing's runstring (exec), an IPython shell's var_expand (its formatter evaluates each
    # field), SymPy's get_class / get_mod_func (any object by its dotted name: `get_class("builtins.exec")`), and
    # YAML's lists of loaders and constructors and the loaders' own entry points, which reach the unsafe loader
    # without its name (`yaml.YAMLObject.yaml_loader[-1](text).get_single_data()`)
    "runstring", "var_expand", "get_class", "get_mod_func", "yaml_loader", "yaml_constructors",
    "yaml_multi_constructors", "get_single_data", "construct_document", "add_constructor",
    "add_multi_constructor",
})
#: Keywords that hand a library code to run on its own: pytest's plugins (whose hooks add markers with text
#: conditions it evaluates: attack round 44).
CODE_KEYWORDS = frozenset({"plugins"})
#: Methods of pandas (and any object) that call a method named by a string (``df.agg("eval", expr=text)``: attack
#: round 44): the name must not be a text evaluator's.
BY_NAME_DISPATCH = frozenset({"agg", "aggregate", "apply", "transform", "map", "applymap", "pipe"})
#: jinja2 reached through pandas' Styler (its environment, loader and templates, ``template_html``...: attack rounds
#: 42 and 43 compiled a template and an expression from text): refused on a Styler only (:func:`_through_styler`),
#: since a student's own objects have these names too (fairness round 35: `self.loader`, `args.env`).
JINJA_ATTRIBUTES = frozenset({"env", "environment", "loader", "get_template", "compile_expression", "from_code",
                              "from_string", "from_custom_template", "template_class"})
STYLER_TEMPLATES = "template_"
#: How pandas' Styler is reached: ``df.style``, ``Styler``.
STYLER_NAMES = frozenset({"style", "Styler"})
#: The keyword that makes ``inspect.signature`` / ``get_annotations`` evaluate annotations given as text.
EVALUATING_KEYWORDS = frozenset({"eval_str"})
#: The installed libraries a submission's code may use besides Python's own (and torch's, NumPy's...): those a
#: course's notebooks use (fairness rounds 1 to 33), each read by the rules.  Any other installed library is one the
#: grader runs on (Sphinx, jinja2, attrs, tornado, pygments, networkx, wrapt...), and many of those turn a text into
#: code under a name no check sees (attack rounds 41 to 43: 32 ways, each closed alone until this list).
STUDENT_LIBRARIES = frozenset({
    "torch", "torchvision", "torchaudio", "torchtext", "torchsummary", "torchinfo", "torchmetrics", "numpy", "pandas",
    "matplotlib", "mpl_toolkits", "pylab", "PIL", "scipy", "sklearn", "skimage", "cv2", "seaborn", "plotly", "tqdm",
    "IPython", "ipywidgets", "otter", "yaml", "sympy", "pydantic", "pytest", "nbformat", "click", "tabulate", "rich",
    "einops", "timm", "lightning", "pytorch_lightning", "wandb", "tensorboard", "h5py", "requests", "google",
    "kaggle", "packaging", "psutil", "dateutil", "typing_extensions",
    # matplotlib's and pydantic's own parts, imported by name in their tutorials (fairness round 35)
    "cycler", "matplotlib_inline", "annotated_types",
})
#: Of IPython, what a notebook uses (display, the shell's ``ast_node_interactivity``, ``set_trace``): not its
#: evaluators (``IPython.core.guarded_eval``, ``IPython.utils.text``'s formatters: attack rounds 42 and 43).
PLAIN_IPYTHON = frozenset({"IPython", "IPython.display", "IPython.core.display", "IPython.core.display_functions",
                           "IPython.lib.display", "IPython.utils.capture", "IPython.utils.io.capture_output",
                           "IPython.core.pylabtools.figsize",
                           "IPython.core.interactiveshell.InteractiveShell", "IPython.core.debugger.set_trace",
                           "IPython.core.getipython", "IPython.get_ipython",
                           "IPython.version_info", "IPython.__version__"})
#: torch's timer of a statement given as text (it compiles the text as ``timeit`` does: attack round 42); its parts
#: too.  (``torch.backends.cudnn.benchmark`` is a setting, not this.)
TORCH_TEXT_TIMER = "torch.utils.benchmark"
#: Parts of the allowed libraries that evaluate a text under names no other rule refuses, reached by import or
#: attribute: torch's text timer, pandas' expression engine (``pandas.core.computation.expr.Expr(text, ...)()``
#: evaluates what ``df.eval`` does without that name: attack round 45).
TEXT_EVALUATING_MODULES = (TORCH_TEXT_TIMER, "pandas.core.computation")
#: Methods that evaluate an expression given as a string (pandas' ``eval``/``query``, which reach attributes
#: and the caller's variables, ``@torch``); called with an argument, on any object.
STRING_EVALUATORS = frozenset({"eval", "query"})
#: torch's own loaders of code and pickles: its serialization module, the hub, packages, the model zoo.
TORCH_LOADING_ATTRIBUTES = frozenset({"serialization", "hub", "package", "model_zoo"})
#: Loaders that are readable only called directly, with the keyword that keeps them from unpickling given as
#: that constant (numpy's default is safe; torch's default can be switched by an environment variable).
GUARDED_LOADERS = {"numpy.load": ("allow_pickle", False, True), "torch.load": ("weights_only", True, True)}
#: doctest's runners of the source's own docstrings (and its option flags); the rest of it runs any text.
DOCTEST_READABLE = frozenset({"testmod", "run_docstring_examples",
                              # option flags, plain ints (fairness round 61: `doctest.FAIL_FAST` cost q6 to q8 10 points)
                              "ELLIPSIS", "NORMALIZE_WHITESPACE", "IGNORE_EXCEPTION_DETAIL", "DONT_ACCEPT_TRUE_FOR_1",
                              "DONT_ACCEPT_BLANKLINE", "SKIP", "COMPARISON_FLAGS", "REPORT_UDIFF", "REPORT_CDIFF",
                              "REPORT_NDIFF", "REPORT_ONLY_FIRST_FAILURE", "REPORTING_FLAGS", "FAIL_FAST"})
#: A string annotation that is only a forward reference (``"Tensor"``, ``"nn.Module"``, ``"list[int]"``): any other
#: text is code that ``typing.get_type_hints`` or ``functools.singledispatch`` would evaluate out of sight.
PLAIN_ANNOTATION = re.compile(r"[A-Za-z_][\w.]*(\[[\w., \[\]]*\])?( \| [A-Za-z_][\w.]*(\[[\w., \[\]]*\])?)*")
#: A pandas query that only compares columns with literals: no ``@`` (the caller's variables), no backquotes,
#: no attribute look-up (a dot only inside a number).
PLAIN_QUERY = re.compile(r"(?:[\w\s<>=!&|()\[\]+\-*/%,'\"]|(?<=\d)\.(?=\d))*")
#: Calls that set environment variables (one of which switches torch.load's safe default).
ENVIRONMENT_SETTERS = frozenset({"os.environ.update", "os.environ.setdefault", "os.putenv"})
#: YAML's loaders that build Python objects from tags (``!!python/name:torch.conv2d``); ``yaml.safe_load``
#: builds plain data only.
YAML_OBJECT_LOADERS = frozenset({"load", "load_all", "Loader", "CLoader", "UnsafeLoader", "CUnsafeLoader",
                                 "FullLoader", "CFullLoader", "add_constructor", "add_multi_constructor",
                                 "unsafe_load", "unsafe_load_all", "full_load", "full_load_all"})
#: Modules that load objects by name or from pickles (besides :data:`UNREADABLE_IMPORTS`).
LOADING_IMPORTS = frozenset({"joblib", "shelve", "jsonpickle", "numexpr", "mock", "ruamel", "dbm",
                             # libraries outside STUDENT_LIBRARIES that evaluate text, re-exported by ones inside it
                             # (`sympy.core.numbers.mpmath.identify`: attack round 44)
                             "mpmath", "jinja2", "tornado", "pygments", "traitlets", "networkx", "wrapt", "sphinx",
                             "setuptools", "distutils", "pkg_resources", "_pytest", "pluggy", "attrs"})
#: Of :data:`UNREADABLE_IMPORTS`, the names that are also everyday attributes (``err.code``, ``torch.trace``):
#: any other one, as an attribute of anything (``torch.serialization.pickle``, ``np.ctypeslib.ctypes``), is
#: that module re-exported.
EVERYDAY_MODULE_NAMES = frozenset({"code", "trace", "signal", "dis", "opcode", "imp", "sched", "timeit",
                                   "concurrent", "weakref",
                                   # pandas' `df.attrs` (fairness round 36): only torch's dynamic namespaces
                                   # (torch.ops, refused) hand the attrs library out as an attribute
                                   "attrs"})
#: Modules that other modules re-export (``F.torch``, ``os.sys``): as an attribute of anything, they reach torch
#: or the interpreter by a path the checks on imported names never see.
REEXPORTED_MODULES = frozenset({"torch", "sys"})
#: Most different top-level modules whose installation is looked up (each look-up searches the import path).
MAX_IMPORTED_MODULES = 64
#: The most class definitions a submission's reading follows the attributes of (a notebook defines a handful): past
#: it, a finding of its own.  Which names a class and its bases set grows with the classes times their depth, and a
#: chain of 6,000 classes took the judge 19 s (attack found while reading how the reader fails).
MAX_CLASSES = 1000
#: Private names of torch that are plain helpers (``from torch.nn.modules.utils import _pair``).
PLAIN_PRIVATE_NAMES = frozenset({"_pair", "_single", "_triple", "_quadruple", "_ntuple", "_reverse_repeat_tuple",
                                 # nn.Conv2d's own convolution with given weights (fairness round 7): a layer
                                 # operation the models' recorder sees; its name says `conv` to the by-hand rule
                                 "_conv_forward",
                                 # nn.init's fan of a weight, from its shape (fairness round 11: the default
                                 # initialisation written out)
                                 "_calculate_fan_in_and_fan_out", "_calculate_correct_fan",
                                 # torch._assert(condition, message): an `assert` symbolic tracing can keep
                                 # (fairness round 24: a shape check in forward cost q6, q7 and q8, -10)
                                 "_assert",
                                 # namedtuple's documented methods, underscored so as not to clash with fields
                                 # (fairness round 31: `hp._replace(lr=...)`, `hp._asdict()` cost -10)
                                 "_replace", "_asdict", "_fields", "_make", "_field_defaults",
                                 # torch's base class of learning-rate schedulers, by its older name (fairness round
                                 # 38: a training helper's type hint cost q6, q7 and q8, -10)
                                 "_LRScheduler"})
#: Modules of torch that hold type aliases only (``_size_2_t``, ``_ratio_2_t``): their names, private or not, are
#: plain (fairness round 38: `from torch.nn.common_types import _size_2_t` for q2's hints cost -10).
TYPE_ALIAS_MODULES = frozenset({"torch.nn.common_types"})


@functools.lru_cache(maxsize=None)
def _type_alias(module: str, name: str) -> bool:
    """Whether ``module`` (one of :data:`TYPE_ALIAS_MODULES`) binds ``name`` to a type alias or a type variable: an
    object of typing's or of the ``types`` module's own kinds (a union, a generic alias, a ``TypeVar``), read from
    the judge's own copy."""
    import importlib

    if module not in TYPE_ALIAS_MODULES:
        return False
    try:
        value = getattr(importlib.import_module(module), name)
    except Exception:  # noqa: BLE001 - no such name: nothing the grader knows
        return False
    return type(value).__module__ in ("typing", "types")


#: Attributes that write files: with them, an import of a module that is not installed may load
#: code the submission wrote.
FILE_WRITERS = frozenset({"write_text", "write_bytes", "write", "open", "copyfile", "copy2", "copytree", "move",
                          "symlink", "symlink_to", "hardlink_to", "link", "savetxt", "tofile", "to_csv", "writestr"})
#: Of those, the calls whose last argument is the text written (read by the judge when it is a constant; a zip
#: archive's member too, which `import` loads once the archive is on sys.path).
TEXT_WRITERS = frozenset({"write", "write_text", "writelines", "run_cell_magic", "writestr"})
#: The endings of the names of files an import loads (importlib's source, bytecode and extension suffixes, and
#: Windows' own): a file written under any other name, or none, is no module (:func:`_names_no_module`).  (A zip
#: archive is imported from whatever its name, but only from ``sys.path``, which such a submission leaves alone.)
IMPORTABLE_SUFFIXES = (".py", ".pyc", ".pyo", ".pyw", ".pyd", ".so")
#: How many names and parameters the reader follows to learn a written file's name.
MAX_PATH_DEPTH = 4
#: Log handlers that write records, text the reader cannot know, into the file they name (their first argument).
LOG_FILE_HANDLERS = frozenset({"FileHandler", "RotatingFileHandler", "TimedRotatingFileHandler",
                               "WatchedFileHandler"})
#: Calls that make a file under another name than the one it was written as, or write one through a handle the
#: reader does not see opened: with any of them, what a file is called is not known from its writing.
#: (Writing an archive is not: its members are imported only from it, once it is on ``sys.path``; extracting one is.)
OTHER_FILE_MAKERS = frozenset({"copytree", "unpack_archive", "extract", "extractall", "mkfifo", "mknod"})
#: Calls that make a file from another under the name they are given: that name (their second argument, or the
#: first of a path's own method) must be one no module has (fairness round 32: a checkpoint copied, replaced).
NAMED_FILE_MAKERS = frozenset({"rename", "renames", "copyfile", "copy2", "copy", "move", "symlink", "link",
                               "replace", "symlink_to", "hardlink_to"})
#: Temporary files: named by their ``suffix`` keyword (none: no module's name), or unnamed.
TEMPORARY_FILES = frozenset({"NamedTemporaryFile", "mkstemp", "TemporaryFile", "SpooledTemporaryFile"})
#: Functions of modules that make a file from another, or change ``sys.path``, by their full names.
OTHER_FILE_FUNCTIONS = frozenset({"sys.path"})
#: The calls that name a file they create or open, and where the name is: the first argument (``open(PATH, "w")``,
#: ``df.to_csv(PATH)``), or the ``Path(PATH)`` they are called on (``Path(PATH).write_text(...)``).
NAMING_WRITERS = {"open": "argument", "to_csv": "argument", "savetxt": "argument", "tofile": "argument",
                  "write_text": "receiver", "write_bytes": "receiver",
                  "ZipFile": "argument", "PyZipFile": "argument", "TarFile": "argument",
                  **{handler: "argument" for handler in LOG_FILE_HANDLERS}}
#: The constructors of paths whose ``write_text``/``write_bytes``/``open`` name their file: ``Path(PATH)`` only, not
#: what a method or a function of the submission's made of one (attack round 38: ``relative_to``).
PATH_CONSTRUCTORS = frozenset({"pathlib.Path", "pathlib.PosixPath", "pathlib.PurePath", "pathlib.PurePosixPath"})
#: The name of a namespace's annotations (a class body's, a module's).
ANNOTATIONS = "__annotations__"


#: Methods of a dict that only read it.
DICT_READERS = frozenset({"keys", "values", "items", "get", "copy"})


def _plain_annotations_use(node: ast.Name, parents: dict, rebound: dict) -> bool:
    """Whether this ``__annotations__`` name is only read (shown, counted, looked up, iterated: ``print(
    __annotations__)``, fairness round 39) or bound to a dict display whose keys are constant identifiers
    (``__annotations__ = {"k": int}``): the only way of writing a namespace's annotations by hand that names what
    each field is."""
    statement = parents.get(id(node))
    if isinstance(node.ctx, ast.Load):
        if isinstance(statement, ast.Call) and node in statement.args:
            return isinstance(statement.func, ast.Name) and statement.func.id in NAMESPACE_SHOWING_CALLS \
                and statement.func.id not in rebound  # (``rebound``: the submission's bindings)
        if isinstance(statement, ast.Attribute):
            return statement.attr in DICT_READERS and isinstance(parents.get(id(statement)), ast.Call)
        if isinstance(statement, ast.Subscript):
            return isinstance(statement.ctx, ast.Load)
        return isinstance(statement, (ast.Compare, ast.FormattedValue, ast.comprehension, ast.For))
    if not (isinstance(node.ctx, ast.Store) and isinstance(statement, ast.Assign) and statement.targets == [node]
            and isinstance(statement.value, ast.Dict)):
        return False
    return all(isinstance(k, ast.Constant) and isinstance(k.value, str) and k.value.isidentifier()
               and not keyword.iskeyword(k.value) for k in statement.value.keys)


#: Special methods a class may define without running code out of the reader's sight.
PLAIN_DUNDERS = frozenset({
    "__init__", "__repr__", "__str__", "__len__", "__getitem__", "__setitem__", "__iter__", "__next__",
    "__contains__", "__call__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__",
    "__add__", "__sub__", "__mul__", "__matmul__", "__truediv__", "__floordiv__", "__mod__", "__neg__",
    "__bool__", "__enter__", "__exit__", "__name__", "__main__", "__doc__", "__version__", "__file__",
    "__all__", "__future__", "__annotations__", "__slots__", "__qualname__", "__module__", "__post_init__",
    "__hash__", "__format__", "__sizeof__", "__radd__", "__rmul__", "__pos__", "__abs__", "__pow__",
    # the other operators, reflected and in place (fairness round 8: a window class's __rmatmul__): each is a
    # method of the submission's class, read with it, as __add__ is
    "__rmatmul__", "__rsub__", "__rtruediv__", "__rfloordiv__", "__rmod__", "__rpow__", "__iadd__", "__isub__",
    "__imul__", "__imatmul__", "__itruediv__", "__ifloordiv__", "__imod__", "__ipow__", "__invert__", "__round__",
    "__floor__", "__ceil__", "__trunc__", "__int__", "__float__", "__index__", "__reversed__", "__delitem__",
    "__and__", "__or__", "__xor__", "__rand__", "__ror__", "__rxor__", "__lshift__", "__rshift__", "__divmod__",
    # (and the rest of them, fairness round 75: a set of flags' `__ior__` cost 10 points where `__iadd__` cost none)
    "__ior__", "__iand__", "__ixor__", "__ilshift__", "__irshift__", "__rlshift__", "__rrshift__", "__rdivmod__",
    # the descriptor protocol (fairness round 8: a validated attribute): run on an attribute of a class whose body
    # names the descriptor, or that a reached statement sets, so read with that class, as a property's functions are
    # (not __set_name__, which is handed the owner class: attack round 11 filed owners in a table with it)
    "__get__", "__set__", "__delete__",
    # the attribute names a class pattern of `match` reads, as constants (fairness round 12)
    "__match_args__",
    # a script's metadata, plain names as __version__ is (fairness round 15: `__author__ = "..."` cost -10)
    "__author__", "__email__", "__license__", "__status__", "__credits__", "__maintainer__", "__copyright__",
    "__date__", "__contact__", "__description__", "__title__", "__url__",
    # a dict subclass's default for a missing key, a method of its own read with it as __getitem__ is (fairness
    # round 31: a history dict cost -10)
    "__missing__",
})
#: nn.Module's account of the parameters and modules a model holds: a model that overrides it tells an optimiser
#: (and anything that asks it) something else than what it holds (attack round 13 hid its head from training).
MODULE_ACCOUNTS = frozenset({"parameters", "named_parameters", "buffers", "named_buffers", "children",
                             "named_children", "modules", "named_modules", "state_dict", "_named_members"})
#: Attribute reads of these dunders are plain; any other dunder attribute (``__dict__``, ``__globals__``,
#: ``__code__``, ``__class__`` assignment...) reaches behind the names.
#: An operator's method named (`self.__add__(other)` in a `__radd__`, `other.__lt__(self)`, `functools.reduce(
#: Vec.__add__, parts)`: fairness round 70, -10 each) is the operator: what it runs is the class's own method, read
#: where it is defined (_operand_keepers), or Python's.  Read only: set (`cls.__lt__ = keep` in a class decorator,
#: attack round 104) it gives a class a method the class's body does not show.
OPERATOR_DUNDER_ATTRIBUTES = frozenset(
    {f"__{op}__" for op in ("lt", "le", "gt", "ge", "eq", "ne", "neg", "pos", "abs", "add", "sub", "mul", "matmul",
                            "truediv", "floordiv", "mod", "pow", "radd", "rsub", "rmul", "rmatmul", "rtruediv",
                            "rfloordiv", "rmod", "rpow")})
PLAIN_DUNDER_ATTRIBUTES = frozenset({"__init__", "__name__", "__doc__", "__version__", "__file__",
                                     "__qualname__", "__module__", "__len__", "__getitem__", "__call__"}) \
    | OPERATOR_DUNDER_ATTRIBUTES
#: Dunder methods that may be called by name: ``d.__setitem__(k, v)`` is ``d[k] = v``, read as the change it makes
#: (:data:`MUTATING_METHODS`; fairness round 23: a forward hook's lambda storing a statistic cost q6 to q8, -10).
CALLED_DUNDERS = frozenset({"__setitem__"})
#: Built-ins that only show or count what they are given: ``repr(self.__dict__)`` reads no object out of it.
NAMESPACE_SHOWING_CALLS = frozenset({"repr", "str", "print", "len", "sorted", "list"})
#: Dunder attributes that may be read (``type(model).__name__``, ``model.__class__.__name__``), never set; a text
#: method called by name (``self.__repr__()``, ``nn.Module.__repr__(self)``: fairness round 17, -10) is ``repr()``.
READABLE_DUNDER_ATTRIBUTES = frozenset({"__class__", "__repr__", "__str__",
                                        # an Enum's members and a class's annotations, listed (fairness round 31)
                                        "__members__", "__annotations__",
                                        # an exception's notes and chain, a class's bases, printed in self-checks
                                        # and the lecture's aside on inheritance (fairness round 33)
                                        "__notes__", "__cause__", "__context__", "__bases__", "__base__",
                                        "__mro__",
                                        # the names a class pattern reads, a tuple of texts (bound otherwise than by
                                        # one literal at the top of a class body, it is unreadable:
                                        # _flag_class_patterns): `print(Shape.__match_args__)`, fairness round 86
                                        "__match_args__"})
#: traceback's functions that print or summarise a traceback (never hand out its frames, as ``walk_tb`` does): an
#: exception's ``__traceback__`` may be given to them (fairness round 33: ``print_exception(type(e), e,
#: e.__traceback__)`` cost -10).
TRACEBACK_PRINTERS = frozenset({"traceback.print_exception", "traceback.format_exception", "traceback.print_tb",
                                "traceback.format_tb", "traceback.extract_tb", "traceback.TracebackException"})
#: Modules whose names a star import binds, read from the judge's own copy (already imported here).
STAR_MODULES = frozenset({"torch", "torch.nn", "torch.nn.functional", "torch.nn.modules", "numpy", "math", "sympy"})
#: Methods that put something into the object they are called on: ``table.update(c=F.conv2d)``.
MUTATING_METHODS = frozenset({"append", "appendleft", "extend", "extendleft", "insert", "update", "setdefault",
                              "add", "put", "put_nowait", "push", "__setitem__", "__setattr__",
                              "register"})  # (a singledispatch function's table: attack round 85)
#: Methods that change their object: those that put something into it, and a module's hooks (attack round 11 put
#: one on a model held in a list: `steps[0].register_forward_hook(h)`).
CHANGING_METHODS = MUTATING_METHODS | MODEL_HOOKS
#: How many rounds the search for aliases of reachable objects may take.
MAX_ALIAS_ROUNDS = 50
#: Magics whose statement the grading shell runs (see grader.worker.serve.GradingShell): their text is code.
RUN_MAGICS = frozenset(RUN_MAGIC_OPTIONS)
#: Top-level packages whose attributes no literal may be set on (their functions are what the checks' passes run, and
#: ``np.float = float`` does patch NumPy's namespace); any other module's may take a literal of constants
#: (:func:`_plain_data_setting`).
DATA_SETTINGS_EXCLUDED = frozenset({"torch", "numpy", "builtins",
                                    # what the worker's own guards compute with: paths, digests, imports (attack
                                    # round 40: `os.sep = "\\"` turned the written-code guard's folders off)
                                    "os", "posixpath", "genericpath", "ntpath", "hashlib", "importlib", "io",
                                    "zipimport", "marshal", "types", "site", "pathlib", "stat", "shutil"})
#: Of ``sys``, the attributes a literal may be set on (``sys.argv = ['']`` for argparse in a notebook); not its import
#: path, hooks or flags.
SYS_DATA_SETTINGS = frozenset({"argv"})
#: Names newer releases took out of a module, which notebooks written for older ones put back (``np.float = float``
#: for NumPy 1.24, ``collections.Iterable = collections.abc.Iterable`` for Python 3.10): nothing in the module reads
#: them any more, so one bound to Python's type or to a library's object changes nothing the checks run
#: (:func:`_library_setting`; fairness rounds 30 and 47).
REMOVED_NAMES = {
    "numpy": frozenset({"float", "int", "bool", "object", "str", "complex", "long", "unicode", "float_", "complex_",
                        "string_", "unicode_", "NaN", "NAN", "Inf", "PINF", "NINF", "infty", "Infinity", "bool8",
                        "int0", "uint0", "object0", "str0", "bytes0", "void0", "cfloat", "singlecomplex", "longfloat",
                        "longcomplex", "clongfloat"}),
    "collections": frozenset({"Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator",
                              "Hashable", "Iterable", "Iterator", "Generator", "Reversible", "Sized", "Container",
                              "Callable", "Collection", "Set", "MutableSet", "Mapping", "MutableMapping",
                              "MappingView", "KeysView", "ItemsView", "ValuesView", "Sequence", "MutableSequence",
                              "ByteString"}),
}
#: Functions newer releases took out of a module, which old notebooks put back as the module's own function under its
#: new name (``np.product = np.prod``, NumPy 2.0).
REMOVED_FUNCTIONS = {"numpy": {"product": "prod", "cumproduct": "cumprod", "sometrue": "any", "alltrue": "all",
                                "round_": "round", "trapz": "trapezoid", "in1d": "isin", "row_stack": "vstack"}}
#: Modules nothing the grading runs reads, whose attributes a library's object may be set on: the certificate recipe
#: for downloading datasets, ``ssl._create_default_https_context = ssl._create_unverified_context`` (fairness round
#: 47; the worker has no network).
UNREAD_MODULES = frozenset({"ssl"})
#: The modules :func:`_library_value` looks an object up in (imported in the judge to see what it is).
LIBRARY_VALUE_MODULES = frozenset(REMOVED_NAMES) | UNREAD_MODULES
#: The attributes that name a class or a function.
RENAMING_DUNDERS = frozenset({"__name__", "__qualname__", "__module__"})
#: Python's types, as the value a removed alias is restored to.
BUILTIN_TYPE_NAMES = frozenset({"float", "int", "bool", "object", "str", "complex", "bytes"})
#: Special methods a class body may bind to one of dict's own methods (the AttrDict recipe), and those methods.
DICT_SLOT_DUNDERS = frozenset({"__getattr__", "__setattr__", "__delattr__"})
DICT_SLOTS = frozenset({"__getitem__", "__setitem__", "__delitem__", "get", "pop"})
#: SymPy's functions that parse a text as Python and evaluate it (its other functions given a text call them too).
SYMPY_EVALUATORS = frozenset({"sympify", "S", "parse_expr", "lambdify", "parse_latex", "parse_mathematica",
                              "sympy_parser", "parsing"})
#: Functions that make a type from a constant name and types (an annotation may name what they return).
TYPE_MAKERS = frozenset({"typing.NewType", "typing.TypeVar", "typing.ParamSpec", "typing.NamedTuple",
                         "typing.TypedDict", "collections.namedtuple", "typing_extensions.NewType",
                         "typing_extensions.TypeVar"})
#: Makers of a class from a name and its fields' (or members') names, which they never evaluate:
#: ``namedtuple("Shape", "channels height width")``, ``Enum("Activation", ["RELU", "TANH"])`` (fairness round 36).
FIELD_NAME_MAKERS = frozenset({"collections.namedtuple", "enum.Enum", "enum.IntEnum", "enum.StrEnum", "enum.Flag",
                               "enum.IntFlag"})
#: Field names as one text: identifiers separated by commas or white space.
FIELD_NAMES_TEXT = re.compile(r"[\w\s,]*")
#: doctest's runners that take a namespace, and copy it before the examples run in it.
DOCTEST_RUNNERS = frozenset({"doctest.run_docstring_examples", "doctest.testmod"})
#: torch.multiprocessing's settings of how tensors are shared between processes (a DataLoader recipe): the rest of
#: the module starts processes.
SHARING_SETTINGS = frozenset({"set_sharing_strategy", "get_sharing_strategy", "get_all_sharing_strategies"})
#: YAML's loaders that build plain data only, as a ``yaml.load(f, Loader=...)`` argument.
SAFE_YAML_LOADERS = frozenset({"yaml.SafeLoader", "yaml.CSafeLoader", "yaml.BaseLoader", "yaml.CBaseLoader"})
#: Dunder attributes of modules that may be read: torch's build report (``torch.__config__.show()``).
READABLE_MODULE_DUNDERS = frozenset({"torch.__config__"})
#: Roots of imported modules whose attributes may be set (settings, not code).
SETTABLE_MODULE_ATTRIBUTES = re.compile(
    r"^(torch\.backends|plt|matplotlib|mpl|pd|pandas|np\.random|os\.environ)\b")
# (Not `warnings`: its showwarning and formatwarning are functions warnings call, from inside torch too: attack
# round 9 computed q6's convolution in one.)


@dataclass(frozen=True)
class Finding:
    """Why a hand-written function earns nothing: it reaches a built-in, or the source cannot be read."""

    kind: str
    """``builtin`` (it names torch's convolution or pooling) or ``unverifiable``."""
    what: str
    """The construct, in the student's words: ``F.conv2d``, ``import threading``..."""
    hides_from_models: bool = True
    """Whether it can also change what the worker sees of a model's forward pass (threads, tracing, frames,
    torch's dispatch...).  When False (reading the namespace with ``globals()``, code the submission wrote
    and imports), it only keeps the reader from proving which code a name runs: it costs q6's by-hand
    part, never a model's points."""
    hides_from_by_hand: bool = True
    """Whether it can hide what a by-hand function computes.  When False (a caller's file named by a warning: a
    model that is the network asked for only when the judge calls it), it costs the models alone: every call of a
    by-hand function the judge makes is traced, whoever calls it."""


def by_hand_findings(units: tuple[str, ...] | None, function: str, *,
                     threads_running: Callable[[], bool | None] | None = None) -> list[Finding]:
    """What keeps ``function`` from counting as written by hand; empty when it is clean.

    ``units`` are the code the worker runs, in order (a notebook's transformed cells,
    or a script's whole text).  Units that do not parse are skipped: they did not run.
    ``threads_running``: the judge's evidence for :func:`_while_running` (None: threads count wherever imported).
    """
    if not units:
        return []
    reading = _read(tuple(units))

    def question() -> list[Finding]:
        _read_logging_callbacks(reading, tuple(units))
        if function not in reading.reached:  # several checks ask about one function: walked once per reading
            nodes: set[int] = set()
            found = _reachable_builtins(reading, function, nodes)
            reading.reached[function] = found + [finding for node, finding in reading.reach_only
                                                 if id(node) in nodes]
            reading.reached_nodes[function] = nodes
        return list(reading.unreadable) + reading.reached[function] + _while_running(
            reading, reading.reached_nodes[function], threads_running) + _unread_star_imports(reading, function)

    findings = _within_budget(reading, question)
    if findings is None:
        return [reading.given_up]
    return sorted({f for f in findings if f.hides_from_by_hand}, key=lambda f: (f.kind, f.what))


def _unread_star_imports(reading: _Reading, function: str) -> list[Finding]:
    """A finding for each ``from M import *`` of a module not installed: unless M is a file one ``%%writefile
    M.py`` cell writes, with constant text of settings only (a module of constants: fairness round 32), binding
    no such name.  (A module of code may hand torch's convolution out under any name, `from torch.nn.functional
    import conv2d as cv`, or be written twice, or shadowed by a package `M/`: attack round 118.)"""
    found = []
    for module in dict.fromkeys(reading.unread_stars):
        text = _written_module_text(reading, module)
        names = _settings_bound(text) if text is not None else None
        if names is None or function in names:
            found.append(Finding("unverifiable", f"from {module} import * (a module not installed where the grader "
                                                 "runs: it may be code the submission writes to a file, which the "
                                                 "grader does not read)", hides_from_models=False))
    return found


def _written_module_text(reading: _Reading, module: str) -> str | None:
    """What the file of ``module`` holds, when only ``%%writefile`` cells write files and the last one naming it
    (``M.py``, ``./M.py``) gives a constant text and does not append; None otherwise."""
    if any(not w.endswith("run_cell_magic") for w in reading.writes):  # (`open(...).write(...)` names any file)
        return None
    path = module.replace(".", "/")
    cells = [(node, append) for node, append, target in _writefile_cells(reading)
             if target.removeprefix("./") == path + ".py" or target.removeprefix("./").startswith(path + "/")]
    if len(cells) != 1 or cells[0][1]:
        return None  # (written twice, appended to, or a package of that name: attack round 118)
    return _constant_text(reading, cells[0][0].args[2])


def _settings_bound(text: str) -> set[str] | None:
    """The names a module's text binds when it is settings only: a docstring and assignments of constant data to
    names (``KERNEL_SIZE = 3``, ``CHANNELS = (1, 3, 2)``); None for any other text."""
    try:
        tree = parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
        return None
    names: set[str] = set()
    for number, statement in enumerate(tree.body):
        if number == 0 and isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
            continue
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target] if isinstance(
            statement, ast.AnnAssign) and statement.value is not None else None
        if not targets or not all(isinstance(t, ast.Name) for t in targets) or not _constant_data(statement.value):
            return None
        names.update(t.id for t in targets)
    return names


#: CPU seconds of the judge's thread that reading one question about a submission may take (the corpora's slowest
#: file reads in well under one).  Past it the question is given up: a file written to stall the reader costs its
#: own by-hand points and its models' (:data:`READ_TOO_LONG`), never the batch its time.
READING_SECONDS = 10.0

#: What a question given up after :data:`READING_SECONDS` finds.
READ_TOO_LONG = Finding("unverifiable", f"code the grader could not finish reading in {READING_SECONDS:g} s of CPU "
                                        "(what it reaches is unproven)")
#: What a question finds that the reader's own recursion gave up (a chain of thousands of names each bound to the
#: last, `x1 = x0`, `x2 = x1`...: Python's recursion limit, which held for a file written so, is no judge's fault).
READ_TOO_DEEP = Finding("unverifiable", "code chained deeper than the grader reads (what it reaches is unproven)")


class _GivenUp(Exception):
    """Raised inside the reader past its reading's deadline (:func:`_tick`)."""


def _within_budget(reading: _Reading, question: Callable[[], list[Finding]]) -> list[Finding] | None:
    """``question()``, given :data:`READING_SECONDS` of the thread's CPU and Python's recursion limit; None when it
    did not finish, or when an earlier question about ``reading`` did not (its memos may be half made), with
    :attr:`_Reading.given_up` saying why."""
    if reading.given_up is not None:
        return None
    reading.deadline = time.thread_time() + READING_SECONDS
    try:
        return question()
    except _GivenUp:
        reading.given_up = READ_TOO_LONG
        return None
    except RecursionError:
        reading.given_up = READ_TOO_DEEP
        return None
    finally:
        reading.deadline = float("inf")


def _tick(reading: _Reading) -> None:
    """Give the question being read up once its reading's deadline passed (:func:`_within_budget`)."""
    if time.thread_time() > reading.deadline:
        raise _GivenUp


def unreadable_findings(units: tuple[str, ...] | None, *, models: bool = False,
                        reached_from: tuple[str, ...] = (),
                        threads_running: Callable[[], bool | None] | None = None) -> list[Finding]:
    """Rule 2 alone: the features anywhere in the submission that run or rebind code out of sight, and those that
    hide code only from what reaches them (:attr:`_Reading.reach_only`) when the code of a name of
    ``reached_from`` (the models the checks build) reaches them.

    With ``models``, only those that can also change what the worker sees of a forward pass
    (:attr:`Finding.hides_from_models`): the model checks' rule.  ``threads_running``: as for
    :func:`by_hand_findings`.
    """
    if not units:
        return []
    reading = _read(tuple(units))

    def question() -> list[Finding]:
        found = list(reading.unreadable)
        reached: set[int] = set()
        if (reading.reach_only or reading.while_running) and reached_from:
            for name in reached_from:
                _reachable_builtins(reading, name, reached)
            found += [finding for node, finding in reading.reach_only if id(node) in reached]
        return found + _while_running(reading, reached, threads_running)

    found = _within_budget(reading, question)
    if found is None:
        return [reading.given_up]
    return sorted({f for f in found if f.hides_from_models or not models}, key=lambda f: f.what)


#: What a check is told when the judge sees more than the worker's own thread running as it starts.
RUNNING_BESIDE = Finding("unverifiable", "a thread or process it started that was still running when the grader "
                                         "checked (a thread pool never shut down, a DataLoader's worker processes, "
                                         "a thread left looping): it can run code while the grader watches")


#: What a check is told when the submission started a thread or process while the grader ran its code.
STARTED_WHILE_CHECKED = Finding("unverifiable", "a thread or process started while the grader ran its code (the "
                                                "grader's view of what the code computes covers only the thread it "
                                                "calls)")


class StartWatch:
    """The threads and processes a submission starts while a check runs its code, counted outside the submission.

    The worker's trace of a call (the operators it ran, the layers a forward pass used) sees only the thread the
    judge called: a thread or process started and ended inside the call ran code nobody traced, and ``/proc``
    shows nothing of it once it ended (attack round 53: a thread started by a logging filter or a ``map``
    callback the reader never ties to the code asked about).  The fork server counts every start as the kernel
    stops it (:meth:`~grader.checkapi.probe.Probe.tasks_started`: every worker the submission had, a restarted one's
    too); a check made with this watch earns nothing when the count moved while it ran or went unread (attack round
    54 ended its worker after each answer, so that every check began with none).

    Where nothing counts (no seccomp filter; a probe without a view from outside), :meth:`threads_running` says
    "cannot tell", and every thread module the submission imports counts as the reader's finding instead.
    """

    def __init__(self, probe) -> None:
        self._probe = probe
        self._before = probe.tasks_started()  # (a worker is started first when none runs)
        self._counted = probe.starts_counted()

    def threads_running(self) -> bool | None:
        """``probe.threads_running()``, or None (cannot tell) where starts are not counted."""
        return self._probe.threads_running() if self._counted else None

    def findings(self) -> list[Finding]:
        """:data:`STARTED_WHILE_CHECKED` when a start was counted since the watch began (by the worker, or by one
        started again in between, its load included), or either count went unread (a fork server that did not
        answer: :attr:`~grader.judge.engine.RunLog.unanswered`; a filter the submission added)."""
        if not self._counted:
            return []
        after = self._probe.tasks_started()
        if self._before is None or after != self._before:
            return [STARTED_WHILE_CHECKED]
        # a worker started again in the middle of the check ran the top level anew (not counted): nothing of it runs
        return [RUNNING_BESIDE] if self._probe.threads_running() is not False else []


def _while_running(reading: _Reading, reached: set[int],
                   threads_running: Callable[[], bool | None] | None) -> list[Finding]:
    """What runs out of sight by running beside the code asked about: a thread or process the judge sees running
    as the check starts (``threads_running()`` True, read from the kernel outside the worker: whatever started it,
    an import of no thread module included), and the imports of thread modules (:data:`THREAD_MODULES`) the
    code asked about reaches, or every one when the judge cannot tell (None, or no ``threads_running``).

    A thread can run code out of sight only while it runs: one that a self-check or a demo started and that has
    ended did, by then, what sequential code would have done, and that code was read like the rest.  A thread the
    code asked about starts is reached (rule 3 and the model rule); code that runs by itself inside a call (a hook,
    a callback) is rule 2's; one still running when a check starts is seen.
    """
    found = [finding for node, finding in reading.while_running if id(node) in reached]
    unreached = [finding for node, finding in reading.while_running if id(node) not in reached]
    running = threads_running() if threads_running is not None else None
    if running:
        found.append(RUNNING_BESIDE)
    if unreached and running is not False:
        found += unreached
    return found


class _Reading:
    """The submission's module-level bindings and its unreadable features."""

    def __init__(self) -> None:
        self.bindings: dict[str, list[tuple[ast.AST, bool]]] = {}
        """name -> (binding statement or node, plain): plain = a statement directly in a unit's body."""
        self.reach_only: list[tuple[ast.AST, Finding]] = []
        """Features that hide code only from what reaches them (``CNN.forward = f``, ``torch.compile(model)`` in a
        demo): each with its node, a finding for a by-hand function or a model only when their code reaches it."""
        self.dunder_calls: list[tuple[ast.Call, Finding]] = []
        """Special methods called by name whose finding waits for every unit's bindings (``Record.__new__(Record)``:
        a later cell may bind ``Record`` again): :func:`_read_dunder_calls`."""
        self.star_modules: list[str] = []
        self.unread_stars: list[str] = []
        """The modules of ``from M import *`` that are not installed (a module the submission may write)."""
        """Modules a star import binds every name of (``from numpy import *``)."""
        self.namespace_uses: list[ast.Name] = []
        """``globals``/``locals``/``vars`` read in the units, judged once every unit is read
        (:func:`_flag_after_reading`)."""
        self.printing_calls: list[ast.Call] = []
        """Calls that set torch's print options, judged once every unit is read (:func:`_flag_after_reading`)."""
        self.inert_imports: list[tuple[list[str], Finding]] = []
        """Imports of :data:`INERT_WHEN_UNUSED` modules, with the names each binds: a finding only where one of
        those names is read somewhere (:func:`_flag_after_reading`)."""
        self.imported: dict[str, str] = {}
        """module-level name -> the dotted module or object it was imported as."""
        self.unreadable: list[Finding] = []
        self.global_in_functions: set[str] = set()
        self.missing_imports: list[str] = []
        """Imported modules that are not installed: harmless (the import fails) unless the submission
        writes files, and so may have written them."""
        self.writes: list[str] = []
        self.checked_imports: set[str] = set()
        self.mutations: dict[str, list[ast.AST]] = {}
        """name -> statements and calls anywhere that change the object bound to it."""
        self.magic_calls: set[int] = set()
        self.own_attributes: set[int] = set()
        """``self.conv_kernel`` nodes that read an attribute the method's own class sets (see
        :func:`_record_own_attributes`): their names are no evidence of torch."""
        self.classes: list[ast.ClassDef] = []
        self.own_members: dict[str, set[str]] = {}
        """Per class name, the names the submission's class of that name binds (in its body, as ``self.X = ...`` in
        its methods, or in those of its bases the source defines); of classes sharing a name, the names all bind."""
        # a class's own `parameters`, `state_dict`...: unreadable unless the class is plain (_plain_classes)
        self.accounts: list[tuple[ast.ClassDef, Finding]] = []
        # defs compiled by @torch.jit.script, which resolves their names when it compiles (_scripted_early)
        self.scripted_defs: list[ast.FunctionDef] = []
        self.written: list[ast.AST] = []
        # id of a node -> the innermost function it is in (made when first asked: _function_binding)
        self.function_of: dict[int, ast.AST] | None = None
        """What the submission writes to files through ``.write(...)``, ``.write_text(...)`` and
        ``%%writefile``: the text, as an expression (read once every unit is)."""
        """Calls of ``run_line_magic`` read as code (module-level, constant arguments)."""
        self.method_setattrs: set[int] = set()
        """``setattr(self, ...)`` calls that a method makes on its own first parameter."""
        self.label_texts: list[tuple[ast.Assign, Finding]] = []
        """Labels set to values taken for texts until every unit is read (:func:`_a_label_text`), each with what it
        finds if it is no text."""
        self.nodes: list[ast.AST] = []
        """Every node of every unit that parses: the rules on the submission's own classes look at each use."""
        self.memo: dict = {}
        self.deadline = float("inf")
        """The judge thread's CPU time (:func:`time.thread_time`) past which the question being read is given up
        (:data:`READING_SECONDS`)."""
        self.given_up: Finding | None = None
        """What a question about this reading found that was given up (:data:`READ_TOO_LONG`,
        :data:`READ_TOO_DEEP`; its memos may be half made: none is asked again)."""
        self.position: dict[int, int] = {}
        """Every node's top-level statement, by id, as its place in the order the units run them."""
        """What those rules computed over every node, once per reading (each is asked per name or call)."""
        self.while_running: list[tuple[ast.AST, Finding]] = []
        """Imports of thread and process modules: findings where reached, or while a thread runs
        (:func:`_while_running`)."""
        self.reached_nodes: dict[str, set[int]] = {}
        """function -> the nodes its walk read (:attr:`reached` is what it found there)."""
        self.reached: dict[str, list[Finding]] = {}
        """function -> what rule 1 finds reached from it (:func:`_reachable_builtins`) and the features that hide code
        from what reaches them (:attr:`reach_only`) it reaches."""
        self.universal: list[str] = []
        # torch's convolution or pooling stored as a value by a change the reader cannot tie (_code_stored)
        self.untied_builtins: list[Finding] = []
        """Names handed to a change the reader cannot tie to one object (:func:`_read_untied_changes`): read as code
        every by-hand function reaches."""
        self.contained_in: dict[str, set[str]] = {}
        """name -> the module-level names bound to a container that holds its object as an element (``holder =
        [table]``, ``holder.append(table)``): a change made through the container's elements (``holder[0]["c"] =
        f``) changes that object (attack round 11)."""
        self.passed: dict[str, list[ast.AST]] = {}
        """name -> calls given the object bound to it (as an argument, or as the object of a method call):
        the function called may change it (``put(box, "f", g)``, ``box.install("f", g)``)."""
        self.passed_to_instances: dict[str, list[ast.AST]] = {}
        """name -> statements handing a call an attribute of what a call of ``name`` makes (``_put(_Holder().box, f)``):
        calls given the class, when ``name`` is one."""
        self.shown: dict[str, list[tuple[ast.AST, frozenset[str]]]] = {}
        """name -> statements that hand its object only to built-ins that read it (``print(SHAPES, out.shape)``),
        with those built-ins' names: calls given it, should the submission bind one of those names itself."""


#: Python's parser is not thread-safe (see grader.parsing); held for the whole reading, which also guards its cache.
_PARSING = PARSER


def _read(units: tuple[str, ...]) -> _Reading:
    with _PARSING:
        reading = _read_cached(units)
        if any(v.split(".")[0] == "doctest" for v in reading.imported.values()):
            # The docstrings' examples are code doctest runs: read as one more unit, after the others (under
            # testmod they run in a copy of the globals, so reading them as top-level code is the stricter view).
            examples = _docstring_examples(units)
            if examples:
                return _read_cached(units + (examples,))
        return reading


#: Methods Python calls with their class first, however they are decorated.
IMPLICIT_CLASS_METHODS = frozenset({"__new__", "__init_subclass__", "__class_getitem__"})
#: Decorators that leave a method's first parameter the instance (or, ``classmethod``, the class).
INSTANCE_DECORATORS = frozenset({"property", "classmethod", "abstractmethod", "abc.abstractmethod", "functools.cache",
                                 "functools.lru_cache", "torch.no_grad", "torch.inference_mode"})


def _name_first_parameters(tree: ast.Module) -> None:
    """Name each method's first parameter ``self`` (``cls`` for a class method) in the reader's copy of the source,
    as most code names it: the rules on a class's own attributes know those names, and Python gives the parameter
    the instance whatever its name (fairness round 51: `def __init__(this, ...)`, `def forward(s, x)` made
    `this.blocks = ...` a change of any object).  A parameter is renamed only where nothing else in the method is
    named like it or like its new name (no rebinding, no shadowing, no capture)."""
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        for method in cls.body:
            if not isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            parameters = method.args.posonlyargs + method.args.args
            decorators = [d.func if isinstance(d, ast.Call) else d for d in method.decorator_list]
            names = [ast.unparse(d) for d in decorators]
            if not parameters or any(n in ("staticmethod", "functools.staticmethod") for n in names) or not all(
                    n in INSTANCE_DECORATORS or n.endswith((".setter", ".getter", ".deleter", ".abstractmethod"))
                    for n in names):
                continue
            first = parameters[0]
            old, new = first.arg, "cls" if method.name in IMPLICIT_CLASS_METHODS or "classmethod" in names else "self"
            if old in ("self", "cls"):
                continue
            inside = [n for statement in method.body for n in ast.walk(statement)]
            others = {a.arg for a in method.args.posonlyargs + method.args.args + method.args.kwonlyargs
                      + [method.args.vararg, method.args.kwarg] if a is not None and a is not first}
            if new in others or new in _names_bound_or_read(inside) or old in _names_bound_or_read(inside, bound=True):
                continue
            first.arg = new
            for n in inside:
                if isinstance(n, ast.Name) and n.id == old:
                    n.id = new


def _names_bound_or_read(nodes: list[ast.AST], bound: bool = False) -> set[str]:
    """The names ``nodes`` bind in any way (assigned, deleted, parameters, imports, ``except ... as``, nested
    definitions, ``global``/``nonlocal``, patterns), and with ``bound`` false those they read too."""
    names: set[str] = set()
    for n in nodes:
        if isinstance(n, ast.Name) and (not bound or not isinstance(n.ctx, ast.Load)):
            names.add(n.id)
        elif isinstance(n, ast.arg):
            names.add(n.arg)
        elif isinstance(n, (ast.Global, ast.Nonlocal)):
            names.update(n.names)
        elif isinstance(n, ast.alias):
            names.add(n.asname or n.name.split(".")[0])
        elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(n.name)
        elif isinstance(n, (ast.ExceptHandler, ast.MatchAs, ast.MatchStar)) and n.name:
            names.add(n.name)
        elif isinstance(n, ast.MatchMapping) and n.rest:
            names.add(n.rest)
    return names


@functools.lru_cache(maxsize=4)
def _read_cached(units: tuple[str, ...]) -> _Reading:
    reading = _Reading()
    every_node: list[ast.AST] = []
    for unit in units:
        try:
            tree = parse(unit)
        except (SyntaxError, ValueError, OverflowError):
            continue  # (code Python does not run either)
        except (RecursionError, MemoryError):
            # (what the judge's parser gave up on, the worker's, with another stack, may run: attack round 117's
            # `x = 1 + 1 + ...` of 2,980 terms beside a direct F.conv2d call)
            reading.unreadable.append(READ_TOO_DEEP)
            continue
        _name_first_parameters(tree)
        in_text = {id(statement) for statement in tree.body}
        magic = []
        for statement in _with_magic_statements(tree.body, reading.magic_calls):
            _bind_top_level(reading, statement, plain=True)
            if id(statement) not in in_text:
                magic.append(statement)
        # `%time f()` indented in a loop or a branch of the top level: it runs there, in the user's namespace
        # (fairness round 36); its statements are read as the top level's are, and its call is handled as theirs
        # is.  (Not in a function's body: the grading shell runs the line in the user's namespace, not the
        # function's, so `%time conv2d = other` there rebinds a global the reader would not see bound.)
        for nested in _module_level_statements(tree.body):
            if id(nested) not in in_text and _magic_code(nested) is not None:
                magic += [st for st in _with_magic_statements([nested], reading.magic_calls) if st is not nested]
        # walked once: both scans read every node of the unit, and of the code its `%time` lines run
        for statement in [*tree.body, *magic]:
            place = len(reading.position)
            for n in ast.walk(statement):
                reading.position.setdefault(id(n), place)
        nodes = list(ast.walk(tree)) + [n for statement in magic for n in ast.walk(statement)]
        reading.method_setattrs |= _setattrs_of_methods(nodes)
        _scan_unreadable(reading, nodes)
        _record_mutations(reading, nodes)
        reading.classes += [n for n in nodes if isinstance(n, ast.ClassDef)]
        every_node += nodes
    reading.nodes = every_node
    _check_label_texts(reading)
    plain = _plain_classes(reading, reading.classes)
    for function in reading.scripted_defs:
        # TorchScript resolves a def's names when the decorator runs, not when it is called: a name bound again
        # later (attack round 17: `_slide = torch.conv2d`, then a hand-written `def _slide`) is not the one read
        body = [n for statement in function.body for n in ast.walk(statement)]
        local = {a.arg for a in ast.walk(function.args) if isinstance(a, ast.arg)} | {
            n.id for n in body if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
        again = sorted({n.id for n in body if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
                        and n.id not in local and len({
                            ast.dump(b) if isinstance(b, (ast.Import, ast.ImportFrom)) else id(b)
                            for b, _ in reading.bindings.get(n.id, [])}) > 1})
        if len(function.decorator_list) > 1:
            # Another decorator hands TorchScript another function to compile: functools.wraps(earlier) makes it
            # follow __wrapped__ to a first draft's source (attack round 19: a `_slide` calling torch.conv2d).
            reading.unreadable.append(Finding(
                "unverifiable", f"@torch.jit.script on {function.name} beside another decorator (TorchScript may "
                                "compile the function that decorator names instead)", hides_from_models=False))
        if again:
            reading.unreadable.append(Finding(
                "unverifiable", f"@torch.jit.script on {function.name}, which names {', '.join(again)} (bound more "
                                "than once: TorchScript takes the binding in force when it compiles)",
                hides_from_models=False))
    reading.unreadable += [finding for cls, finding in reading.accounts if cls.name not in plain]
    _read_dunder_calls(reading)
    _record_changes_through_calls(reading)
    _record_calls_through_other_spellings(reading, every_node)
    _read_untied_changes(reading, every_node)
    if len(reading.classes) > MAX_CLASSES:
        reading.unreadable.append(Finding("unverifiable", f"{len(reading.classes)} class definitions (the grader reads "
                                                          f"at most {MAX_CLASSES})"))
    else:
        _record_own_attributes(reading)
        _record_own_local_records(reading)
        reading.unreadable += _captures_rebinding(reading)
        try:
            reading.unreadable += _operand_keepers(reading)
        except RecursionError:  # (its proofs follow names bound to names: `x1 = x0`, `x2 = x1`... thousands deep)
            reading.unreadable.append(dataclasses.replace(READ_TOO_DEEP, hides_from_models=False))
    _scan_reached_by_value(reading, every_node)
    _flag_private_keywords(reading, every_node)
    _flag_format_fields(reading, every_node)
    _flag_class_patterns(reading, every_node)
    _flag_after_reading(reading)
    if any(v.split(".")[0] == "doctest" for v in reading.imported.values()):
        _flag_doctest_runners(reading, every_node)
    if reading.writes:
        texts = _written_texts(reading)
        for text in texts or []:
            try:
                written = _read_cached((text,))
            except RecursionError:
                texts = None
                break
            # (a relative import in a module it writes is a package's own, `from .models import CNN` in its
            # __init__.py: its modules are written files too, which the worker runs only if their text was read;
            # fairness round 32)
            reading.unreadable += [Finding(f.kind, f"{f.what} (in the code it writes to a file)", f.hides_from_models)
                                   for f in written.unreadable if not f.what.startswith(RELATIVE_IMPORT)]
            reading.while_running += [(node, Finding(f.kind, f"{f.what} (in the code it writes to a file)",
                                                     f.hides_from_models)) for node, f in written.while_running]
        # When every text written is known (a constant), it was read above like the cells: what it does
        # anywhere is found, and a by-hand function imported from it is unverifiable by rule 1.  Otherwise
        # a module the submission wrote and imports may do anything out of sight, unless every file it writes
        # is named so that no import loads it.
        # (A file written with such text that no import names is left to the worker, which never runs code it
        # writes unless its text was read here: grader.worker.written_code.)
        if texts is None and not _writes_no_module(reading):
            reading.unreadable += [Finding("unverifiable", f"import {m} (a module that is not installed, in a "
                                                           f"submission that writes files: {reading.writes[0]})")
                                   for m in reading.missing_imports]
    return reading


def _with_magic_statements(body: list[ast.stmt], handled: set[int] | None = None):
    """The statements of a unit, with the code of a ``%time stmt`` line in its place."""
    for statement in body:
        code = _magic_code(statement)
        if handled is not None and isinstance(getattr(statement, "value", None), ast.Call):
            call = statement.value
            if isinstance(call.func, ast.Attribute) and call.func.attr == "run_line_magic" and not call.keywords \
                    and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in call.args):
                handled.add(id(call))
            elif code is not None:  # a %%time cell nbconvert wrote as a call, its text read as code below
                handled.add(id(call))
        if code is None:
            yield statement
            continue
        try:
            yield from parse(code).body
            continue
        except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
            pass
        # `took = %time STATEMENTS`: IPython runs a text that is no expression as statements (and binds None), so
        # the statements are read, then the assignment (attack round 45: the assigned form did not parse, and
        # nothing of the statements was read).  A text that parses neither way is no code the reader has read:
        # its call stays unhandled, a finding.
        bare = _magic_code(statement, assigned=False) if isinstance(statement, ast.Assign) else None
        try:
            body = parse(bare).body if bare is not None else None
        except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
            body = None
        if body is None:
            if handled is not None and isinstance(getattr(statement, "value", None), ast.Call):
                handled.discard(id(statement.value))
            yield statement
            continue
        yield from body
        yield statement


def _module_level_statements(body: list[ast.stmt]):
    """Every statement of the module's own scope: the top level's and those nested in its loops, branches,
    ``with`` and ``try`` blocks, not in a function's or a class's body."""
    todo = list(body)
    while todo:
        statement = todo.pop()
        yield statement
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for field in ("body", "orelse", "finalbody"):
            todo += [s for s in getattr(statement, field, ()) if isinstance(s, ast.stmt)]
        todo += [s for handler in getattr(statement, "handlers", ()) for s in handler.body]
        todo += [s for case in getattr(statement, "cases", ()) for s in case.body]


def _magic_code(node: ast.AST, *, assigned: bool = True) -> str | None:
    """The code a ``%time stmt`` line runs (``get_ipython().run_line_magic('time', 'stmt')``), or a ``%%time`` cell
    written by nbconvert as ``get_ipython().run_cell_magic('time', '', 'cell')`` (fairness round 8).  Of
    ``x = %time stmt``: ``x = (stmt)``, or with ``assigned=False`` the statement alone."""
    call = node.value if isinstance(node, (ast.Expr, ast.Assign)) else None
    if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "run_line_magic"
            and len(call.args) >= 2 and all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                                            for a in call.args[:2]) and call.args[0].value in RUN_MAGICS):
        code = magic_statement(call.args[0].value, call.args[1].value)
        if isinstance(node, ast.Assign) and assigned:
            return f"{ast.unparse(node.targets[0])} = ({code})"
        return code
    if (isinstance(node, ast.Expr) and isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
            and call.func.attr == "run_cell_magic" and len(call.args) == 3 and not call.keywords
            and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in call.args)
            and call.args[0].value in RUN_MAGICS and not call.args[1].value.strip()):
        return call.args[2].value
    return None


def _bind_top_level(reading: _Reading, node: ast.stmt, *, plain: bool) -> None:
    """Record the module-level names ``node`` binds (descending into compound statements, not scopes)."""
    for name in _names_bound_by(node):
        reading.bindings.setdefault(name, []).append((node, plain))
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        for alias in node.names:
            if isinstance(node, ast.Import):
                reading.imported[(alias.asname or alias.name).split(".")[0]] = (
                    alias.name if alias.asname else alias.name.split(".")[0])
            elif alias.name != "*":
                reading.imported[alias.asname or alias.name] = f"{node.module}.{alias.name}"
            else:
                _bind_star(reading, node)
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
        root, chain = _root(node.value)
        if root in reading.imported:  # an alias of a module: _T = torch, _Tensor = torch.Tensor
            reading.imported[node.targets[0].id] = reading.imported[root] + chain[len(root):]
    if isinstance(node, ast.Match):
        for case in node.cases:
            for sub in ast.walk(case.pattern):
                for name in (getattr(sub, "name", None), getattr(sub, "rest", None)):
                    if isinstance(name, str):
                        reading.bindings.setdefault(name, []).append((node, False))
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
        return
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.stmt):
            for statement in _with_magic_statements([child]):
                _bind_top_level(reading, statement, plain=False)
        elif isinstance(child, ast.excepthandler):
            if child.name:
                reading.bindings.setdefault(child.name, []).append((child, False))
            for statement in child.body:
                _bind_top_level(reading, statement, plain=False)
        elif isinstance(child, ast.match_case):
            for statement in child.body:
                _bind_top_level(reading, statement, plain=False)


def _bind_star(reading: _Reading, node: ast.ImportFrom) -> None:
    """``from M import *``: the built-in convolutions and poolings it binds, read from the judge's own M."""
    import sys

    reading.star_modules.append(node.module or "")
    if node.module in STAR_MODULES and node.module not in sys.modules and _installed(node.module):
        importlib.import_module(node.module)  # (SymPy: the judge imports it when a submission star-imports it)
    module = sys.modules.get(node.module or "") if node.module in STAR_MODULES else None
    if module is None:
        if node.module and _installed(node.module.split(".")[0]):
            reading.unreadable.append(Finding("unverifiable", f"from {node.module} import * (the names it binds "
                                                              "cannot be read)"))
        elif node.module and not node.level:
            # (a module the submission may write, `%%writefile handconv.py`: it may bind a by-hand function whose
            # code the grader does not read, as `from handconv import conv2d` does; fairness round 79 found it read
            # as binding nothing: judged per function, :func:`_unread_star_imports`)
            reading.unread_stars.append(node.module)
        return
    # Every name it exports is bound by it, not only the convolutions and poolings: a module constant bound before
    # it (`GRID_SAMPLE_INTERPOLATION_MODES = 0.0`, `typecodes = 0.0`) is the module's table after it, which a proof
    # that the name is bound once to a number must see (attack round 119: such a "zero" kept torch's convolution).
    exported = getattr(module, "__all__", None) or [n for n in dir(module) if not n.startswith("_")]
    for name in exported:
        if isinstance(name, str):
            reading.bindings.setdefault(name, []).append((node, False))


def _inert_subclass_hooks(nodes: list[ast.AST]) -> set[int]:
    """The ids of every ``def __init_subclass__`` (undecorated, in a class body) whose body is a docstring, ``pass``
    or ``super().__init_subclass__(**kw)`` of its own ``**kw`` alone, and of that call's ``__init_subclass__``."""
    found: set[int] = set()
    if any(isinstance(n, ast.Name) and n.id == "super" and not isinstance(n.ctx, ast.Load)
           or isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and n.name == "super"
           or isinstance(n, ast.alias) and (n.asname or n.name) in ("super", "*") or isinstance(n, ast.arg)
           and n.arg == "super" for n in nodes):
        return found  # (`super` another name: its `__init_subclass__` anything)
    for cls in nodes:
        if not isinstance(cls, ast.ClassDef):
            continue
        for hook in cls.body:
            if not (isinstance(hook, ast.FunctionDef) and hook.name == "__init_subclass__" and not hook.decorator_list):
                continue
            rest = hook.args.kwarg.arg if hook.args.kwarg else None
            reads = []
            for st in hook.body:
                call = st.value if isinstance(st, ast.Expr) else None
                if isinstance(st, ast.Pass) or isinstance(call, ast.Constant) and isinstance(call.value, str):
                    continue
                if not (isinstance(call, ast.Call) and not call.args and isinstance(call.func, ast.Attribute)
                        and call.func.attr == "__init_subclass__" and isinstance(call.func.value, ast.Call)
                        and isinstance(call.func.value.func, ast.Name) and call.func.value.func.id == "super"
                        and not call.func.value.args and not call.func.value.keywords
                        and all(k.arg is None and isinstance(k.value, ast.Name) and k.value.id == rest
                                for k in call.keywords)):
                    break
                reads.append(id(call.func))
            else:
                found |= {id(hook), *reads}
    return found


def _a_numpy_function(reading: _Reading, func: ast.AST) -> bool:
    """Whether ``func`` names one of NumPy's functions: by an import (``np.sum``), or a name a star import of NumPy
    may bind (``max`` after ``from numpy import *``)."""
    if (_resolved(reading, func) or "").startswith(NUMPY_EXPORTERS):
        return True
    return isinstance(func, ast.Name) and any(_a_star_import(b) and f"{b.module}.".startswith(NUMPY_EXPORTERS)
                                              for b, _ in reading.bindings.get(func.id, ()))


#: Modules whose names are NumPy's functions: NumPy, and those that hand them out again (``pylab.sum is np.sum``:
#: attack round 122).
NUMPY_EXPORTERS = ("numpy.", "pylab.", "matplotlib.pylab.", "matplotlib.mlab.")


def _a_star_import(node: ast.AST) -> bool:
    """``from M import *``."""
    return isinstance(node, ast.ImportFrom) and any(alias.name == "*" for alias in node.names)


def _names_bound_by(node: ast.stmt) -> list[str]:
    """Names a statement binds in its own scope (not those of the statements nested in it); kept on its node (the
    reader asks for a statement's names once per scope query)."""
    names = node.__dict__.get(NAMES_BOUND)
    if names is None:
        names = node.__dict__[NAMES_BOUND] = _statement_bindings(node)
    return list(names)


#: Where :func:`_names_bound_by` keeps a statement's names, on its node.
NAMES_BOUND = "_cnn_grader_names_bound"


def _statement_bindings(node: ast.stmt) -> list[str]:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        # Decorators, defaults and bases run in the enclosing scope: a walrus there binds in it.
        outer = list(node.decorator_list) + (list(node.bases) + [k.value for k in node.keywords]
                                             if isinstance(node, ast.ClassDef) else
                                             list(node.args.defaults) + [d for d in node.args.kw_defaults if d])
        return [node.name] + [n.target.id for e in outer for n in _walk_scope(e) if isinstance(n, ast.NamedExpr)]
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return [(a.asname or a.name).split(".")[0] for a in node.names]
    targets: list[ast.AST] = []
    if isinstance(node, ast.Assign):
        targets = list(node.targets)
    elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
        targets = [node.target]
    elif isinstance(node, (ast.For, ast.AsyncFor)):
        targets = [node.target]
    elif isinstance(node, (ast.With, ast.AsyncWith)):
        targets = [item.optional_vars for item in node.items if item.optional_vars is not None]
    # (every name of a target counts, the object a store changes too, `y` of `y[k] = v`; not the names of an index,
    # which are only read: `df.loc[len(df)] = row` made `len` a name of the submission's, whose calls in conv2d
    # read pandas, fairness round 83)
    indices = {id(n) for t in targets for sub in ast.walk(t) if isinstance(sub, ast.Subscript)
               for n in ast.walk(sub.slice)} if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)) else set()
    names = [n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name) and id(n) not in indices]
    if isinstance(node, ast.Match):
        # its cases' captures bind in its scope (attack round 88: `global _c` then `case (_c, _p):`)
        names += [name for case in node.cases for p in ast.walk(case.pattern) for name in _handed_names(p)]
    # Walrus targets in every expression this statement evaluates in its own scope bind there too: its direct
    # expressions, and those of its `with` items, `case` guards and `except` types (attack round 81:
    # `with nullcontext((conv2d := _c)): pass` and `case _ if (conv2d := _c):` rebound conv2d unseen).
    todo = [child for child in ast.iter_child_nodes(node) if not isinstance(child, ast.stmt)]
    while todo:
        current = todo.pop()
        if isinstance(current, ast.expr):
            for n in _walk_scope(current):
                if isinstance(n, ast.NamedExpr):
                    names.append(n.target.id)
                for child in ast.iter_child_nodes(n):
                    if isinstance(child, ast.Lambda):
                        # a lambda's defaults run where it is made (attack round 83: `(lambda a=(conv2d := _c):
                        # None)()` rebound conv2d), its body later, in a scope of its own
                        todo += [*child.args.defaults, *[d for d in child.args.kw_defaults if d is not None]]
        elif isinstance(current, (ast.withitem, ast.match_case, ast.excepthandler)):
            todo += [c for c in ast.iter_child_nodes(current) if not isinstance(c, ast.stmt)]
    return names


_NESTED_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


def _walk_scope(node: ast.AST):
    """``ast.walk`` that does not enter nested functions, lambdas or classes."""
    # ast.iter_child_nodes inlined (the same children, in the same order): the reader calls this on every
    # statement, and the generator per node was most of the judge's time on a submission.
    todo = [node]
    while todo:
        current = todo.pop()
        yield current
        for field in current._fields:
            child = getattr(current, field, None)
            if isinstance(child, list):
                todo += [c for c in child if isinstance(c, ast.AST) and not isinstance(c, _NESTED_SCOPES)]
            elif isinstance(child, ast.AST) and not isinstance(child, _NESTED_SCOPES):
                todo.append(child)


#: Longest attribute chain kept whole as text; a longer one (never in real code) is shown by its root and
#: its last parts, so that reading every link of a chain costs each link the same.
MAX_CHAIN_PARTS = 32


def _root(node: ast.AST) -> tuple[str | None, str]:
    """The name an attribute chain starts from, and the chain as text: ``torch.nn.functional.conv2d``.

    Each link remembers its root, depth and last parts: the scans ask every link of a chain, and
    walking a chain each time made the reading quadratic in its length."""
    pending = []
    while isinstance(node, ast.Attribute) and "_chain" not in node.__dict__:
        pending.append(node)
        node = node.value
    if isinstance(node, ast.Attribute):
        known = node.__dict__["_chain"]
    else:
        known = (node.id, 0, ()) if isinstance(node, ast.Name) else (None, 0, ())
    for link in reversed(pending):
        root, depth, tail = known
        known = (root, depth + 1, (tail + (link.attr,))[-MAX_CHAIN_PARTS:])
        link.__dict__["_chain"] = known
    root, depth, tail = known
    parts = ([root] if root is not None else []) + (["…"] if depth > MAX_CHAIN_PARTS else []) + list(tail)
    return root, ".".join(parts)


def _plain_timing(reading: _Reading, attribute: ast.Attribute, call: ast.Call | None) -> bool:
    """``timeit.timeit(lambda: conv2d(x, k), number=10)``, ``timeit.Timer(run_conv).autorange()``: timing a lambda
    the text holds, or a function of the submission's, runs nothing the reader does not see; a statement or set-up
    given as text (``timeit.timeit("conv2d(x, k)", globals=globals())``, or a name bound to text) is code it never
    reads.  Any other readable part is plain as it is."""
    if attribute.attr not in TIMERS:
        return True

    def code(a: ast.expr) -> bool:  # a name bound only by `def`s is a function (fairness round 34), never text
        if isinstance(a, ast.Call) and _resolved(reading, a.func) == "functools.partial" and a.args:
            return code(a.args[0])  # the function with its arguments bound (fairness round 45), read as a call
        bindings = reading.bindings.get(a.id, []) if isinstance(a, ast.Name) else []
        return isinstance(a, ast.Lambda) or (bool(bindings) and all(
            isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef)) for b, _ in bindings))

    # only a lambda the text holds or a def of its own, as the statement and any set-up (attack round 16: a name
    # could hold text)
    return call is not None and bool(call.args) and all(
        code(a) for a in [call.args[0], *call.args[1:2],
                          *(k.value for k in call.keywords if k.arg in ("stmt", "setup"))]) \
        and not any(k.arg == "globals" for k in call.keywords)


#: timeit's functions that take a statement (text, or a callable).
TIMERS = ("timeit", "repeat", "Timer")


#: Libraries' base classes that no ``nn.Module`` derives from (pydantic's models are made by its own metaclass): a
#: field of theirs named ``children`` or ``parameters`` is data (fairness round 40: a recursive plan of blocks).
ACCOUNTLESS_BASES = frozenset({"pydantic.BaseModel"})


def _plain_classes(reading: _Reading, classes: list[ast.ClassDef]) -> set[str]:
    """The names of the submission's classes that can be no ``nn.Module``: each of its classes of that name has no
    base but ``object``, other such classes or :data:`ACCOUNTLESS_BASES`, no keyword and no decorator but ``dataclasses.dataclass``, its name
    is bound by those classes only and used only to call it or as a base of such a class (``Alias = Layer``, a
    name handed on, could be any class's base: attack round 16), and no class that is not such a class names it
    as a base (``class CNN(Layer, nn.Module)`` would take Layer's ``parameters``).  Their own ``parameters()`` or
    ``state_dict()`` account for nothing an optimiser trains (fairness round 13: a hand-written layer class for
    q6); a model's would (attack round 13)."""
    by_name: dict[str, list[ast.ClassDef]] = {}
    for c in classes:
        by_name.setdefault(c.name, []).append(c)
    called = {id(n.func) for n in reading.nodes if isinstance(n, ast.Call)}
    # isinstance(obj, Layer), an annotation `layer: Layer`: the name is only compared with, never made a base
    called |= {id(t) for n in reading.nodes if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
               and n.func.id in ("isinstance", "issubclass") and len(n.args) == 2 for t in ast.walk(n.args[1])}
    called |= {id(t) for n in reading.nodes if isinstance(n, (ast.arg, ast.AnnAssign)) and n.annotation is not None
               for t in ast.walk(n.annotation)}
    called |= {id(t) for n in reading.nodes if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
               and n.returns is not None for t in ast.walk(n.returns)}
    # `Block.model_rebuild()`: a library model's own API read on the class, never the class handed on (a name of
    # the submission's, which could return `cls`, or a dunder, `__mro__[0]`, could)
    accountless = {c.name for c in classes if any(_resolved_once(reading, b) in ACCOUNTLESS_BASES for b in c.bases)}
    if accountless:
        bound_in_classes = {name for c in classes for statement in c.body for name in _names_bound_by(statement)}
        called |= {id(n.value) for n in reading.nodes if isinstance(n, ast.Attribute)
                   and isinstance(n.value, ast.Name) and n.value.id in accountless and not n.attr.startswith("_")
                   and n.attr not in bound_in_classes and n.attr != "mro"}  # (`Block.mro()[0]` is Block)
    bases = {id(b): c for c in classes for b in c.bases}
    # each name's uses as a value, in one walk (a submission of thousands of classes stays linear)
    used_as_value = {n.id for n in reading.nodes if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
                     and n.id in by_name and id(n) not in called and id(n) not in bases}

    def own(c: ast.ClassDef) -> bool:  # what the class itself shows, its bases aside
        return not c.keywords and all(_a_bare_dataclass(reading, d) for d in c.decorator_list) \
            and all(isinstance(b, ast.Name) and (b.id == "object" or b.id in by_name)
                    or _resolved_once(reading, b) in ACCOUNTLESS_BASES for b in c.bases)

    not_plain = {name for name, defs in by_name.items() if name in used_as_value or not all(own(c) for c in defs)
                 or not all(isinstance(b, ast.ClassDef) for b, _ in reading.bindings.get(name, []))}
    # A class whose base is no plain class is none, and neither is a base of a class that is none: one walk over
    # the links (a chain of thousands of classes stays linear).
    links: dict[str, set[str]] = {}
    for c in classes:
        for b in c.bases:
            if isinstance(b, ast.Name) and b.id in by_name:
                links.setdefault(b.id, set()).add(c.name)
                links.setdefault(c.name, set()).add(b.id)
    todo = list(not_plain)
    while todo:
        for other in links.get(todo.pop(), ()):
            if other not in not_plain:
                not_plain.add(other)
                todo.append(other)
    plain = set(by_name) - not_plain
    return plain


def _scan_unreadable(reading: _Reading, nodes: list[ast.AST]) -> None:
    """Rule 2, over every node of a unit."""
    add = reading.unreadable.append
    calls = {id(n.func): n for n in nodes if isinstance(n, ast.Call)}
    _mark_constant_getters(reading, calls.values())
    unit_parents: dict[int, ast.AST] = {}
    unit_imports: dict[str, set[str]] = {}

    def local_imports() -> dict[str, set[str]]:  # every module each name is imported as in the unit, when first asked
        if not unit_imports:
            unit_imports[""] = set()
            for n in nodes:
                if isinstance(n, ast.Import):
                    for a in n.names:
                        unit_imports.setdefault((a.asname or a.name).split(".")[0], set()).add(
                            a.name if a.asname else a.name.split(".")[0])
                elif isinstance(n, ast.ImportFrom) and n.module and not n.level:
                    for a in n.names:
                        if a.name != "*":
                            unit_imports.setdefault(a.asname or a.name, set()).add(f"{n.module}.{a.name}")
        return unit_imports

    def parents() -> dict[int, ast.AST]:  # the unit's nodes' parents, made when a rule first asks
        if not unit_parents:
            unit_parents.update((id(child), n) for n in nodes for child in ast.iter_child_nodes(n))
        return unit_parents
    # inspect.signature(f), pickle.dump(answers, f): the name read only for what READABLE_PARTS lists of it
    inspect_reads = {id(n.value) for n in nodes if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)
                     and n.attr in READABLE_PARTS.get(reading.imported.get(n.value.id, ""), ())
                     and _plain_timing(reading, n, calls.get(id(n)))}
    inspect_reads |= {id(n) for n in nodes if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    importlib_reads: set[int] = set()
    importlib_reloads: set[int] = set()
    # `f"{self.__dict__}"`, `repr(vars_of.__dict__)`, `sorted(obj.__dict__)`: a namespace shown or its names
    # listed changes nothing and hands out no object of it (`.get`, `.values()`, `.items()` would, and so does
    # `.keys()`, whose view's `.mapping` is the namespace itself: attack round 8)
    shown_namespaces = {id(n.value) for n in nodes if isinstance(n, ast.FormattedValue)}
    shown_namespaces |= {id(a) for n in nodes if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
                         and n.func.id in NAMESPACE_SHOWING_CALLS and n.func.id not in reading.bindings
                         and n.func.id not in reading.imported for a in n.args}
    # `print(model.__dict__.keys())`: the names an object holds, and nothing they name (fairness round 55: -10)
    # (the view itself, never its `.mapping`, which is the namespace)
    viewed = {id(n.value) for n in nodes if isinstance(n, ast.Attribute)}
    shown_namespaces |= {id(n.func.value) for n in nodes if isinstance(n, ast.Call) and not n.args and not n.keywords
                         and isinstance(n.func, ast.Attribute) and n.func.attr == "keys"
                         and isinstance(n.func.value, ast.Attribute) and n.func.value.attr == "__dict__"
                         and id(n) not in viewed}
    # `class AttrDict(dict): __getattr__ = dict.__getitem__`: a special method bound to one of dict's own, which
    # runs no code of the submission's (fairness round 30: the Stack Overflow config recipe cost -10)
    dict_slots = _dict_slot_bindings(reading, nodes)
    # `self.__dict__.update(kwargs)` in a method of a class with no base: the instance's attributes set, as
    # `setattr(self, k, v)` sets them (fairness round 30: the "Bunch" config recipe cost -10)
    own_instance_dicts = _plain_instance_dict_updates(nodes)
    # `doctest.run_docstring_examples(conv2d, globals())`: doctest runs the examples in a copy of the namespace it
    # is given, and the examples are read as code (fairness round 31: the namespace cost q6 -3)
    doctest_globals = {id(a.func) for c in calls.values() if _resolved(reading, c.func) in DOCTEST_RUNNERS
                       for a in [*c.args[1:2], *[k.value for k in c.keywords if k.arg == "globs"]]
                       if isinstance(a, ast.Call) and isinstance(a.func, ast.Name) and a.func.id == "globals"
                       and not a.args and not a.keywords and "globals" not in reading.bindings}
    # `object.__setattr__(self, "flat", n)` in a frozen dataclass's __post_init__ (the dataclasses documentation's
    # recipe): an attribute of the instance set by a constant name, as setattr(self, ...) is (fairness round 31)
    own_object_setattrs = _object_setattrs_on_self(reading, nodes)
    # `def __init_subclass__(cls, **kw): super().__init_subclass__(**kw)`: the hook that hands its keywords on and
    # does nothing else, as object's own does (fairness round 81: it cost q6, q7 and q8 their points)
    inert_hooks = _inert_subclass_hooks(nodes)
    # `"google.colab" in sys.modules`: a membership test reads the import table, changes nothing
    membership_tested = {id(c) for n in nodes if isinstance(n, ast.Compare)
                         and all(isinstance(op, (ast.In, ast.NotIn)) for op in n.ops) for c in n.comparators}
    # @torch.jit.script on a def compiles that def's own source, which is read like any other; torch.jit.script(m)
    # of a built model makes a copy of it the checks never see (fairness round 14)
    scripted = {id(d.value) for n in nodes if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
                for d in n.decorator_list if isinstance(d, ast.Attribute) and d.attr == "script"
                and isinstance(d.value, ast.Attribute) and d.value.attr == "jit"
                and reading.imported.get(_root(d)[0] or "", "").startswith("torch")}
    reading.scripted_defs += [n for n in nodes if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
                              and any(id(d.value) in scripted for d in n.decorator_list
                                      if isinstance(d, ast.Attribute))]
    scripted |= {id(n.value) for n in nodes if isinstance(n, ast.Attribute) and n.attr in READABLE_JIT
                 and isinstance(n.value, ast.Attribute) and n.value.attr == "jit"
                 and reading.imported.get(_root(n)[0] or "", "").startswith("torch")}
    for node in nodes:
        if isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension, ast.withitem)) and any(
                isinstance(t, (ast.Attribute, ast.Subscript)) for t in ast.walk(
                    (node.optional_vars or ast.Pass()) if isinstance(node, ast.withitem) else node.target)):
            # a loop's, a comprehension's or a `with`'s target that stores into an object (`for s[KEEP] in (F.conv2d,)`
            # with a `__setitem__` of the submission's, `[0 for F.pad in (f,)]`, `for CNN.__init__ in (g,)`): the
            # reader ties stores to objects in assignments only (attack round 124: 90 holes, 35 of them models)
            add(Finding("unverifiable", "a loop's or a with's target that stores into an object (`for x[k] in ...`, "
                                        "`for obj.attr in ...`): what it stores where cannot be read"))
        if isinstance(node, (ast.Name, ast.Attribute)) and id(node) in calls and (
                (node.id if isinstance(node, ast.Name) else node.attr) in LOG_FILE_HANDLERS or (
                (node.id if isinstance(node, ast.Name) else node.attr) == "basicConfig"
                and any(k.arg == "filename" or k.arg is None for k in calls[id(node)].keywords))):
            # a log file's records are text the reader cannot know, written under the name given
            reading.writes.append(f"{_root(node)[1]}(...)")
            reading.written.append(calls[id(node)])
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for index, module in enumerate(modules):
                top = module.split(".")[0]
                if node.__class__ is ast.ImportFrom and node.level:
                    add(Finding("unverifiable", f"{RELATIVE_IMPORT} (from {'.' * node.level}{module} import ...)"))
                elif top in THREAD_MODULES:
                    reading.while_running.append((node, Finding("unverifiable", f"import {module}" + _outside_reason(top))))
                elif isinstance(node, ast.ImportFrom) and module == "importlib.metadata" and all(
                        a.name in PACKAGE_VERSIONS for a in node.names):
                    continue  # `from importlib.metadata import version` (fairness round 33): a package's version
                elif top in UNREADABLE_IMPORTS and not (top in (*READABLE_PARTS, "importlib") and module == top):
                    finding = Finding("unverifiable", f"import {module}" + _outside_reason(top))
                    bound = _names_bound(node, index)
                    if top in INERT_WHEN_UNUSED and bound is not None:
                        reading.inert_imports.append((bound, finding, node))
                    else:
                        add(finding)
                elif top == "IPython" and not all(_plain_ipython(name) for name in (
                        [module] if isinstance(node, ast.Import) else [f"{module}.{a.name}" for a in node.names])):
                    add(Finding("unverifiable", f"import {module} (of IPython, only its display, its shell's settings "
                                                "and its debugger are read)"))
                elif top and top not in reading.checked_imports:
                    reading.checked_imports.add(top)
                    if len(reading.checked_imports) > MAX_IMPORTED_MODULES:
                        add(Finding("unverifiable", f"more than {MAX_IMPORTED_MODULES} different modules imported"))
                    elif not _installed(top):
                        reading.missing_imports.append(module)
                    elif _unread_library(top):
                        add(Finding("unverifiable", f"import {top} (a library the grader does not read, beside the "
                                                    "ones a lecture's notebook uses: it may turn text into code)"))
            if isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if node.module in READABLE_PARTS and alias.name not in READABLE_PARTS[node.module] or (
                            node.module == "timeit" and alias.name in TIMERS):
                        add(Finding("unverifiable", f"from {node.module} import {alias.name}"))
                    elif f"{node.module}.{alias.name}" in PLAIN_MODULE_ATTRIBUTES:
                        continue
                    elif alias.name == "grad" and not (node.module or "").endswith("nn"):
                        continue  # torch.autograd's and torch.func's grad, as the chains are read; not nn.grad
                    elif node.module == "operator" and alias.name in NAMED_GETTERS and alias.asname is None \
                            and _only_constant_getter_calls(reading, alias.name):
                        continue
                    elif alias.name in UNREADABLE_ATTRIBUTES or alias.name in UNREADABLE_NAMES \
                            or alias.name.startswith(GLOBAL_HOOK_PREFIX) \
                            or (node.module == "gc" and alias.name == "callbacks") or (
                            alias.name.startswith("_") and not alias.name.startswith("__")
                            and alias.name not in PLAIN_PRIVATE_NAMES and not _type_alias(node.module, alias.name)):
                        add(Finding("unverifiable", f"from {node.module} import {alias.name}"))
        elif isinstance(node, ast.Name) and node.id in SYMPY_EVALUATORS and "sympy" in reading.star_modules \
                and all(_a_star_import(b) for b, _ in reading.bindings.get(node.id, ())):
            # `from sympy import *` binds SymPy's parsers too (read from the judge's own SymPy: fairness round 34)
            add(Finding("unverifiable", f"{node.id} (from sympy import *)"))
        elif isinstance(node, ast.Name) and node.id in NAMESPACE_NAMES and id(node) not in doctest_globals:
            reading.namespace_uses.append(node)
        elif isinstance(node, ast.Name) and node.id in UNREADABLE_NAMES and id(node) not in doctest_globals:
            add(Finding("unverifiable", f"{node.id}"))
        elif isinstance(node, ast.Name) and reading.imported.get(node.id) in READABLE_PARTS \
                and id(node) not in inspect_reads:
            module = reading.imported[node.id]
            add(Finding("unverifiable", f"{node.id} ({module}, for more than "
                        + ("reading source and signatures)" if module == "inspect" else
                           f"{', '.join(sorted(READABLE_PARTS[module]))})")))
        elif isinstance(node, ast.Name) and reading.imported.get(node.id) == "importlib" \
                and isinstance(node.ctx, ast.Load) and id(node) not in importlib_reloads:
            # importlib.reload(helpers) runs a module again, like an import: the modules it can load are
            # installed ones or those the submission writes (read below); anything else of it is unreadable
            add(Finding("unverifiable", f"{node.id}" if id(node) in importlib_reads else f"{node.id} (importlib)",
                        hides_from_models=id(node) not in importlib_reads))
        elif isinstance(node, ast.Name) and node.id in ("setattr", "delattr"):
            call = calls.get(id(node))
            if not (call is not None and id(call) in reading.method_setattrs and len(call.args) > 1
                    and not (isinstance(call.args[1], ast.Constant) and str(call.args[1].value).startswith("__"))):
                add(Finding("unverifiable", f"{node.id} (on anything but self)"))
        elif isinstance(node, ast.Name) and node.id == "print" and id(node) in calls and any(
                k.arg == "file" for k in calls[id(node)].keywords):
            reading.writes.append("print(..., file=...)")
        elif isinstance(node, ast.Name) and node.id == "open":
            call = calls.get(id(node))
            mode = call.args[1] if call is not None and len(call.args) > 1 else next(
                (k.value for k in call.keywords if k.arg == "mode"), None) if call is not None else None
            if call is None or (mode is not None and not (isinstance(mode, ast.Constant) and isinstance(
                    mode.value, str) and set(mode.value) <= set("rbt"))):
                reading.writes.append("open(..., mode)")
        elif isinstance(node, ast.Attribute):
            root, chain = _root(node)
            attr = node.attr
            # A module a function imports for itself, under any name (attack rounds 105 and 106: `import sys` in a
            # forward, then `sys.modules[...]`; `import os as m` elsewhere, `import os as sys` at module level): the
            # same attribute read through each module the name is imported as anywhere in the unit
            for module in sorted(local_imports().get(root or "", set()) - {reading.imported.get(root or "")}):
                dotted = module + chain[len(root or ""):]
                if attr in UNREADABLE_ATTRIBUTES and not _settings_chain(chain) and id(node) not in scripted \
                        and not (attr in TORCH_ONLY_ATTRIBUTES and not module.startswith("torch")) \
                        and not (attr == "modules" and (module != "sys" or id(node) in membership_tested)) \
                        and dotted not in PLAIN_MODULE_ATTRIBUTES and not (attr == "grad" and not chain.endswith(
                            "nn.grad")) or attr.startswith("_") and not attr.startswith("__") \
                        and attr not in PLAIN_PRIVATE_NAMES and module.split(".")[0] in ("torch", "sys"):
                    add(Finding("unverifiable", chain))
            if attr in ("run_line_magic", "run_cell_magic") and id(calls.get(id(node), node)) not in \
                    reading.magic_calls and _runs_code(calls.get(id(node))):
                add(Finding("unverifiable", f"{chain}(...) with code the grader cannot read"))
            elif attr.startswith("__") and attr.endswith("__") and (attr not in PLAIN_DUNDER_ATTRIBUTES or (
                    attr in OPERATOR_DUNDER_ATTRIBUTES and not isinstance(node.ctx, ast.Load))) and not (
                    attr in READABLE_DUNDER_ATTRIBUTES and isinstance(node.ctx, ast.Load)
                    and (attr != "__annotations__" or _read_in_place(reading, parents(), node))) \
                    and not (attr == "__traceback__" and isinstance(node.ctx, ast.Load)
                             and _handed_to(reading, parents(), node, TRACEBACK_PRINTERS)) \
                    and not (attr in CALLED_DUNDERS and calls.get(id(node)) is not None) \
                    and not _plain_super_method(reading, node) \
                    and not (attr == "__hash__" and isinstance(node.ctx, ast.Load) and _plain_hash_owner(reading, node.value)) \
                    and not (attr == "__dict__" and isinstance(node.ctx, ast.Load) and (
                        id(node) in shown_namespaces or id(node) in own_instance_dicts)) \
                    and not (id(node) in dict_slots) and not (id(node) in own_object_setattrs) \
                    and id(node) not in inert_hooks \
                    and not (isinstance(node.ctx, ast.Load) and _imported_only(reading, root)
                             and _resolved(reading, node) in READABLE_MODULE_DUNDERS):
                if (attr in BY_NAME_READ_LATER or attr in PLAIN_DUNDERS) and calls.get(id(node)) is not None:
                    # (judged once every cell is bound: `Record.__new__(Record)`, `self.inner.__exit__(...)`)
                    # (an operator's or a conversion's method called by name runs what the operator would: it
                    # cannot change what the models' checks see, so it costs the by-hand part alone; a context's,
                    # which may push a mode, or a constructor's, the models too: fairness round 80's accumulators
                    # lost ten points for `self.__iadd__(v)`)
                    reading.dunder_calls.append((calls[id(node)], Finding(
                        "unverifiable", f"{chain}", hides_from_models=attr in BY_NAME_READ_LATER or attr not in
                        PLAIN_DUNDERS or attr in ("__init__", "__post_init__", "__call__"))))
                else:
                    add(Finding("unverifiable", f"{chain}"))
            elif attr in ANY_RECEIVER_ATTRIBUTES or attr.startswith(GLOBAL_HOOK_PREFIX) or (
                    attr == "callbacks" and reading.imported.get(root or "") == "gc"):
                # torch's hooks for every module (a parameter registered, a buffer...) and the garbage collector's
                # callbacks run code whenever they fire, from inside any call (attack round 8 started threads so)
                add(Finding("unverifiable", chain if root else f"(...).{chain}"))
            elif attr in UNREADABLE_ATTRIBUTES and root in reading.imported and not _settings_chain(chain) \
                    and id(node) not in scripted and "_constant_getter" not in node.__dict__:
                if attr in TORCH_ONLY_ATTRIBUTES and not reading.imported[root].startswith("torch"):
                    continue
                if attr in REACH_ONLY_ATTRIBUTES and _resolved(reading, node) in REACH_ONLY_ATTRIBUTES[attr]:
                    reading.reach_only.append((node, Finding("unverifiable", chain)))
                    continue
                if attr == "modules" and (reading.imported.get(root) != "sys" or id(node) in membership_tested):
                    continue  # nn.Module.modules() is a method, sys.modules the import table
                if _resolved_once(reading, node) in PLAIN_MODULE_ATTRIBUTES:
                    continue
                if attr == "grad" and not chain.endswith("nn.grad"):
                    continue  # x.grad is a gradient; torch.nn.grad computes convolutions
                add(Finding("unverifiable", chain))
            elif attr.startswith("_") and not attr.startswith("__") and attr not in PLAIN_PRIVATE_NAMES \
                    and reading.imported.get(root, "").split(".")[0] in ("torch", "sys") \
                    and not _type_alias(*(_resolved(reading, node) or ".").rsplit(".", 1)):
                # torch._C, F._max_pool2d, sys._getframe... (not `ct._size_2_t`, a type alias however reached: fairness
                # rounds 39 and 40)
                add(Finding("unverifiable", chain))
            if attr in FILE_WRITERS or (attr == "run_cell_magic" and _magic_name(calls.get(id(node))) == "writefile"):
                reading.writes.append(chain)
                call = calls.get(id(node))
                if attr in TEXT_WRITERS and call is not None:
                    text = call.args[-1] if call.args else None
                    reading.written.append(text if text is not None else call)
            if root is not None and reading.imported.get(root) == "importlib" and chain == f"{root}.{attr}" \
                    and attr in ("reload", "import_module", "invalidate_caches"):
                importlib_reads.add(id(node.value))
                if attr in ("reload", "invalidate_caches"):
                    # a module imported again, which the rules read as an import (fairness round 32: as
                    # `from importlib import reload; reload(m)` is)
                    importlib_reloads.add(id(node.value))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            name = node.name
            if name.startswith("__") and name.endswith("__") and name not in PLAIN_DUNDERS \
                    and id(node) not in inert_hooks:
                add(Finding("unverifiable", f"def {name}"))
            declared = {n for st in _walk_scope_body(node) if isinstance(st, ast.Global) for n in st.names}
            reading.global_in_functions.update(declared)
            for statement in _walk_scope_body(node):  # a module-level name bound from inside a function
                if isinstance(statement, ast.stmt):
                    for bound in set(_names_bound_by(statement)) & declared:
                        reading.bindings.setdefault(bound, []).append((statement, False))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            # a method's own `self`/`cls` set to another object (what the own-attribute rules take for the instance);
            # the same names bound at the top level, or in a function that has no such parameter, are plain variables
            # (fairness round 53: `for cls in (CNN,):` under the main guard cost 10 points)
            own = {a.arg for a in node.args.posonlyargs + node.args.args + node.args.kwonlyargs} & {"self", "cls"}
            own |= {name for st in _walk_scope_body(node) if isinstance(st, ast.Nonlocal) for name in st.names
                    if name in ("self", "cls")}
            for n in _walk_scope_body(node):
                if isinstance(n, ast.Name) and n.id in own and isinstance(n.ctx, (ast.Store, ast.Del)):
                    add(Finding("unverifiable", f"{n.id} = ... (rebinding {n.id})"))
        if isinstance(node, ast.ClassDef):
            if any(k.arg == "metaclass" and _resolved_once(reading, k.value) not in PLAIN_METACLASSES
                   for k in node.keywords):
                add(Finding("unverifiable", f"class {node.name}(metaclass=...)"))
            for statement in node.body:  # by `def` or by assignment (attack round 14: `parameters = others`)
                defined = isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
                names = [statement.name] if defined else [
                    n.id for t in (statement.targets if isinstance(statement, ast.Assign) else [statement.target])
                    for n in ast.walk(t) if isinstance(n, ast.Name)] \
                    if isinstance(statement, (ast.Assign, ast.AnnAssign, ast.AugAssign)) else []
                for name in (n for n in names if n in MODULE_ACCOUNTS):
                    shown = f"def {name}" if defined else f"{name} = ..."
                    reading.accounts.append(
                        (node, Finding("unverifiable", f"{shown} (a class's own account of the parameters it holds)")))
        if isinstance(node, ast.Name) and node.id == ANNOTATIONS \
                and not _plain_annotations_use(node, parents(), reading.bindings):
            # a namespace's annotations written by hand: dataclasses writes each key into the code it compiles, and
            # never checks it is a name (attack round 48: a key made of code ran as the class was made)
            add(Finding("unverifiable", f"{ANNOTATIONS} written or handed on by hand (its keys are names dataclasses "
                                        "writes into code)"))
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            # A special method bound by assignment (`__init_subclass__ = register`, `__getattr__ = f`) runs out of
            # sight as its `def` would (attack round 11): the same rule
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target]):
                for name in (n.id for n in ast.walk(target) if isinstance(n, ast.Name)):
                    if name.startswith("__") and name.endswith("__") and name not in PLAIN_DUNDERS \
                            and not (name in DICT_SLOT_DUNDERS and id(node.value) in dict_slots) \
                            and not (name == "__constants__" and _names_listed(getattr(node, "value", None))):
                        add(Finding("unverifiable", f"{name} = ..."))
                    elif name == MODULE_DUNDER and not _the_main_module(getattr(node, "value", None)):
                        add(Finding("unverifiable", f"{MODULE_DUNDER} = ... (the module whose names typing and "
                                                    "pydantic evaluate the class's annotations in)"))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and isinstance(node, ast.ClassDef):
            # `global` in a class body binds module-level names too
            declared = {n for st in node.body if isinstance(st, ast.Global) for n in st.names}
            reading.global_in_functions.update(declared)
            for st in node.body:
                for bound in set(_names_bound_by(st)) & declared:
                    reading.bindings.setdefault(bound, []).append((st, False))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ATTRIBUTE_FUNCTIONS \
                and len(node.args) > 1 and isinstance(node.args[1], ast.Constant) \
                and node.args[1].value in ANY_RECEIVER_ATTRIBUTES:
            add(Finding("unverifiable", f"{node.func.id}(..., {node.args[1].value!r})"))  # the attribute by its name
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "type" \
                and len(node.args) == 3 and not _plain_type_call(node):
            add(Finding("unverifiable", "type(name, bases, namespace)"))
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
            for target in targets:
                for sub in ast.walk(target):
                    if isinstance(sub, ast.Attribute) and isinstance(sub.ctx, (ast.Store, ast.Del)):
                        root, chain = _root(sub)
                        if root in reading.imported and not _settings_chain(chain) \
                                and not _plain_data_setting(reading, node, root) \
                                and not _library_setting(reading, node, root):
                            add(Finding("unverifiable", f"{chain} = ... (patches an imported module)"))
                        elif root in reading.bindings and not isinstance(sub.ctx, ast.Load) and sub.attr != "__doc__" \
                                and not _a_function_labelled(reading, node, sub, root) \
                                and not _a_counter_of_the_class(reading, node, sub, root) and any(
                                isinstance(b, ast.ClassDef) or (isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef))
                                                                and sub.attr.startswith("__"))
                                for b, _ in reading.bindings[root]):
                            # A class's attributes are its methods; a function's own attributes
                            # (timed.calls = ...) change nothing it does, its dunders do, but its text
                            # (`conv2d.__doc__ = ...`: fairness round 58, -10).
                            finding = Finding("unverifiable", f"{chain} = ... (changes a function or class)")
                            if _changes_a_class_method(reading, sub, root):  # what a model runs, the worker sees
                                reading.reach_only.append((node, Finding(finding.kind, finding.what, False)))
                            else:
                                add(finding)
                        elif sub.attr.startswith("__") and sub.attr.endswith("__") and sub.attr != "__doc__" and (
                                root is None or "__class__" in chain.split(".")[:-1]):
                            # a special method set on a class reached through an instance (`type(self).__call__ =
                            # f`, `self.__class__.__torch_function__ = f`): as a class's own, it changes how Python
                            # or torch treat every instance (found writing round 58's private-data rule)
                            add(Finding("unverifiable", f"{chain if root else '(...).' + sub.attr} = ... (changes a "
                                                        "class through one of its instances)"))
                        elif sub.attr in RENAMING_DUNDERS and root not in reading.imported and not (
                                isinstance(node, ast.Assign) and (
                                    isinstance(node.value, ast.Attribute) and node.value.attr == sub.attr
                                    or _a_label_text(reading, node, sub, Finding(
                                        "unverifiable", f"{chain} = ... (renames a class or function)",
                                        hides_from_models=False)))):
                            # (a wrapper given its function's name, `wrapper.__name__ = fn.__name__`, or a text: the
                            # decorator recipe before functools.wraps)
                            # a class's name set through a name bound otherwise (`kind = type(t.grad_fn)`): torch
                            # compares a gradient's class name as it prints, with the trace set aside (attack round
                            # 65: a str subclass's __eq__ there ran torch's convolution)
                            add(Finding("unverifiable", f"{chain} = ... (renames a class or function)",
                                        hides_from_models=False))


def _a_function_labelled(reading: _Reading, node: ast.AST, target: ast.Attribute, root: str) -> bool:
    """``conv2d.__name__ = "conv2d_loops"``: a function of the submission's (a name no class is bound to) given a
    name as a text, which is how it prints and nothing it does (fairness round 59: a timing wrapper renamed after
    the recipe without functools.wraps, -10 on q6, q7 and q8).  Not ``__module__``, nor a class's: the grader tells
    torch's classes by their module's name; not a value computed (a text of a class of its own compares as it
    likes)."""
    return target.attr in ("__name__", "__qualname__") and isinstance(target.value, ast.Name) \
        and target.value.id == root and isinstance(node, ast.Assign) and len(node.targets) == 1 \
        and not any(isinstance(b, ast.ClassDef) for b, _ in reading.bindings.get(root, [])) \
        and _a_label_text(reading, node, target, Finding("unverifiable", f"{_root(target)[1]} = ... (changes a "
                                                                          "function or class)"))


def _a_label_text(reading: _Reading, node: ast.AST, target: ast.Attribute, otherwise: Finding) -> bool:
    """``node``, a statement setting the label ``target`` while the units are scanned, sets it to a text: at once for
    a constant; for a value made otherwise (``f"conv2d_v{VERSION}"``), once every unit is read, by
    :func:`_check_label_texts` (whether it is a text depends on every binding and label of the source), which then
    finds ``otherwise`` if it is not."""
    if not isinstance(node, ast.Assign):
        return False
    if isinstance(node.value, ast.Constant):
        return type(node.value.value) is str
    if len(node.targets) == 1 and target.attr in LABEL_ATTRIBUTES \
            and isinstance(node.value, (ast.JoinedStr, ast.BinOp, ast.Call, ast.Attribute)):
        reading.label_texts.append((node, otherwise))
        return True
    return False


def _check_label_texts(reading: _Reading) -> None:
    """The labels :func:`_a_label_text` took for texts on trust, judged with the whole source read."""
    reading.unreadable += [finding for node, finding in reading.label_texts if not _a_text(reading, node.value)]


#: Methods of ``str`` that return a new exact ``str`` (given texts and numbers, they run no code of the submission's).
TEXT_METHODS = frozenset({"replace", "format", "upper", "lower", "title", "capitalize", "casefold", "strip", "lstrip",
                          "rstrip", "removeprefix", "removesuffix", "center", "ljust", "rjust", "zfill", "expandtabs"})
#: A function's labels: its text, which no call of the function reads otherwise than as text.
LABEL_ATTRIBUTES = ("__name__", "__qualname__", "__doc__")


def _a_text(reading: _Reading, value: ast.AST, labelled: frozenset = frozenset()) -> bool:
    """``value`` is an exact ``str`` made without running any code of the submission's: a constant text; an f-string,
    a sum or a ``str`` method's result (:data:`TEXT_METHODS`) of texts and of numbers or texts that names hold by
    constants alone; or an undecorated function's own label (``conv2d.__name__``) that only such texts ever set
    (``labelled``: the functions whose labels are being judged so, each label of theirs a text if all are).
    (Fairness round 60: ``conv2d.__name__ = f"conv2d_v{VERSION}"``, ``max_pool2d.__doc__ =
    conv2d.__doc__.replace(...)``, a docstring of two texts added, then ``help``, -1 to -10 each.)"""
    if isinstance(value, ast.Constant):
        return type(value.value) is str
    if isinstance(value, ast.JoinedStr):
        return all(isinstance(part, ast.Constant) or (
            isinstance(part, ast.FormattedValue) and _a_plain_value(reading, part.value, labelled)
            and (part.format_spec is None or _a_text(reading, part.format_spec, labelled))) for part in value.values)
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
        return _a_text(reading, value.left, labelled) and _a_text(reading, value.right, labelled)
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr in TEXT_METHODS:
        return _a_text(reading, value.func.value, labelled) and all(k.arg is not None for k in value.keywords) \
            and all(_a_plain_value(reading, a, labelled) for a in value.args + [k.value for k in value.keywords])
    if isinstance(value, ast.Attribute) and value.attr in LABEL_ATTRIBUTES and isinstance(value.value, ast.Name):
        name = value.value.id
        if name in labelled:
            return True
        stores = {id(n) for n in reading.nodes if isinstance(n, ast.Attribute) and not isinstance(n.ctx, ast.Load)
                  and n.attr in LABEL_ATTRIBUTES and isinstance(n.value, ast.Name) and n.value.id == name}
        # every label of the function set by an assignment's own target (not a loop's, a `with`'s, a deletion)
        labelling = [n for n in reading.nodes if isinstance(n, ast.Assign) and any(id(t) in stores for t in n.targets)]
        if len(stores) != sum(id(t) in stores for n in labelling for t in n.targets):
            return False
        defs = [b for b, _ in reading.bindings.get(name, []) if not any(b is n for n in labelling)]
        # (handed to a call, its labels may be set there: `functools.update_wrapper(_helper, obj)`, round 92)
        handed = any(isinstance(call, ast.Call) and any(
            isinstance(a, ast.Name) and a.id == name for a in [*call.args, *(k.value for k in call.keywords)])
            for statement in reading.passed.get(name, []) for call in ast.walk(statement))
        return bool(defs) and not handed and all(
            isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef)) and not b.decorator_list for b in defs) and all(
            _a_text(reading, n.value, labelled | {name}) for n in labelling)
    return False


#: Nodes that open a scope of their own, whose names may be bound there rather than at the module's level.
SCOPE_NODES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef, ast.ListComp, ast.SetComp,
               ast.DictComp, ast.GeneratorExp)


def _a_plain_value(reading: _Reading, value: ast.AST, labelled: frozenset) -> bool:
    """A text (:func:`_a_text`), a constant number, or a name every binding of which is a plain ``NAME = constant``
    of a number or a text: what an f-string formats or a text method is given without running code of the
    submission's."""
    if isinstance(value, ast.Constant):
        return type(value.value) in (str, int, float, bool)
    if isinstance(value, ast.Name):
        # (the module's binding only where the module's names are read: not in a class body, a function or a
        # comprehension that may bind the name itself, attack round 92's `_TAG = _Src()` in a class body)
        parents, node = _parents(reading), value
        while (node := parents.get(id(node))) is not None:
            if isinstance(node, SCOPE_NODES):
                return False
        bindings = reading.bindings.get(value.id, [])
        return bool(bindings) and value.id not in reading.global_in_functions and all(
            isinstance(b, ast.Assign) and len(b.targets) == 1 and isinstance(b.targets[0], ast.Name)
            and isinstance(b.value, ast.Constant) and type(b.value.value) in (str, int, float, bool)
            for b, _ in bindings)
    return _a_text(reading, value, labelled)


#: Functions that put their last argument into the object they are given.
STORING_FUNCTIONS = frozenset({"setitem", "setattr", "__setitem__", "__setattr__"})


def _a_counter_of_the_class(reading: _Reading, node: ast.AST, target: ast.Attribute, root: str) -> bool:
    """``Pad.made += 1``, ``Pad.made = Pad.made + 1``: a number a class keeps (how many instances it made), changed
    by arithmetic of numbers on itself; no method of the class has that name (fairness round 62, -2)."""
    if not (isinstance(target.value, ast.Name) and target.value.id == root) or target.attr.startswith("__"):
        return False
    if any(isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)) and st.name == target.attr
           for b, _ in reading.bindings.get(root, []) if isinstance(b, ast.ClassDef) for st in b.body):
        return False

    def numbers(value: ast.AST) -> bool:
        if isinstance(value, ast.Constant):
            return type(value.value) in (int, float)
        if isinstance(value, ast.BinOp):
            return numbers(value.left) and numbers(value.right)
        if isinstance(value, ast.UnaryOp):
            return numbers(value.operand)
        return isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name) and value.value.id == root \
            and value.attr == target.attr
    if isinstance(node, ast.AugAssign):
        return node.target is target and numbers(node.value)
    return isinstance(node, ast.Assign) and node.targets == [target] and numbers(node.value)


def _unpacked_to_names(target: ast.AST, value: ast.AST) -> bool:
    """``pool, relu = F.max_pool2d, F.relu``, ``hand, ref = [f(x, k) for f in [conv2d, F.conv2d]]``: a value unpacked
    into plain names, each bound to it as by an assignment of its own, read whole wherever one is read (fairness
    rounds 59 and 63: read as stored into an object, it cost q6 3 points)."""
    return isinstance(target, (ast.Tuple, ast.List)) and all(
        isinstance(t, ast.Name) or isinstance(t, ast.Starred) and isinstance(t.value, ast.Name) for t in target.elts)


#: Comparisons whose result is a bool whatever their operands are.
BOOL_COMPARISONS = (ast.Is, ast.IsNot, ast.In, ast.NotIn)


def _stored_in_objects(nodes: list[ast.AST], reading: _Reading | None = None) -> set[int]:
    """The expressions a unit puts into an object rather than binds to a name: assigned to an item or an
    attribute (``holder[0]["c"] = v``, ``obj.table["c"] = v``), or given to a method that puts it into its object
    (``.append(v)``, ``.update(c=v)``); through the
    literals, conditionals and ``or``/``and`` that hold them.  Rule 1 follows names and their bindings; an object
    reached through another (``holder[0]``, a call's result, an instance) may be one it never walks to."""
    roots: list[ast.AST] = []
    handed_in_place: list[ast.AST] = []
    for n in nodes:
        if isinstance(n, ast.AugAssign):
            # `b += v` hands v to the in-place operator of whatever b holds, which may keep it (attack rounds 110 to
            # 112: b bound to a module's object by a walrus, a loop, `with`, `match`, an unpacking, a default)
            roots.append(n.value)
            handed_in_place.append(n.value)
        elif isinstance(n, (ast.Assign, ast.AnnAssign)) and n.value is not None:
            targets = n.targets if isinstance(n, ast.Assign) else [n.target]
            if any(not isinstance(t, ast.Name) and not _unpacked_to_names(t, n.value) for t in targets):
                roots.append(n.value)
        elif isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in MUTATING_METHODS:
            roots += list(n.args) + [k.value for k in n.keywords]
        elif isinstance(n, ast.Call) and (isinstance(n.func, ast.Name) and n.func.id in STORING_FUNCTIONS
                                          or isinstance(n.func, ast.Attribute) and n.func.attr in STORING_FUNCTIONS):
            roots += n.args[2:] + [k.value for k in n.keywords]  # setitem(obj, key, value), setattr(obj, name, value)
        elif isinstance(n, ast.Call) and reading is not None and _a_numpy_function(reading, n.func):
            # NumPy's functions hand their arguments to a method of the same name of an object that is no array
            # (`np.sum(box, F.conv2d)` calls `box.sum(axis=F.conv2d)`), or to its `__array_function__`: what they are
            # given may be kept (attack round 119, and `max(box, F.conv2d)` after `from numpy import *`)
            roots += list(n.args) + [k.value for k in n.keywords]
    # Everything inside what is stored (a comprehension, `dict(c=...)`, a call's arguments), but not a function
    # called there: its result is what is stored (`results.append(F.conv2d(x, k))`).
    # Not the operands of an identity or membership test, which stores a bool (`a if fn is F.conv2d else b`:
    # fairness round 64, q6 -3); an `==` may hand back an operand (a class's own __eq__).
    stored = {}
    todo = list(roots)
    while todo:
        n = todo.pop()
        stored[id(n)] = n
        if not (isinstance(n, ast.Compare) and all(isinstance(op, BOOL_COMPARISONS) for op in n.ops)):
            todo += ast.iter_child_nodes(n)
    # `def _fill(f=F.conv2d): table["c"] = f`: a parameter's default, stored by its own function.  The function
    # around each node, from one walk (ast.walk visits a parent before its children): linear in the unit's size.
    around: dict[int, ast.AST] = {}
    for n in nodes:
        inner = n if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) else around.get(id(n))
        for child in ast.iter_child_nodes(n):
            around[id(child)] = inner
    for n in list(stored.values()):
        function = around.get(id(n))
        if isinstance(n, ast.Name) and function is not None:
            defaults = _parameter_defaults(function)
            if n.id in defaults and id(defaults[n.id]) not in stored:  # each default walked once
                stored.update({id(m): m for m in ast.walk(defaults[n.id])})
    # ... and, handed to an in-place operator, what a parameter of its function is given: a local bound from one
    # (`y = x`, `x, y = p`), a closure's (a nested def's or lambda's), read to what every call that may reach its
    # function gives it (`def _d(x): b = BOX; b += x` called `_d([F.conv2d])`: attack rounds 112 and 115): a call
    # by its name, a method's by its attribute, a class's for its __init__, and, for a function named otherwise
    # (an alias, a decorator's, a lambda, an instance's __call__), every call whose callee the reader cannot name.
    # Not a registry's `REG[name] = fn`, which rule 1 follows from the names conv2d reads (fairness round 60), nor a
    # parameter called there, whose result is handed on: `e += (fn(x) - conv2d(x)).abs().sum()`; a special method's
    # operand is its rule's (rule 2).
    called = {id(n.func) for n in nodes if isinstance(n, ast.Call)}
    calls_named: dict[str, list[ast.Call]] = {}
    calls_of_attribute: dict[str, list[ast.Call]] = {}
    named_otherwise: set[str] = set()
    for n in nodes:
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name):
            calls_named.setdefault(n.func.id, []).append(n)
        elif isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute):
            calls_of_attribute.setdefault(n.func.attr, []).append(n)
        elif isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load) and id(n) not in called:
            named_otherwise.add(n.id)
        elif isinstance(n, ast.Attribute) and id(n) not in called:
            named_otherwise.add(n.attr)
    owner_of = {id(st): n for n in nodes if isinstance(n, ast.ClassDef) for st in n.body}

    def unnamed_callees() -> list[ast.Call]:
        """Calls whose callee is no def, class, import or built-in the reader can name."""
        found = []
        for call in (n for n in nodes if isinstance(n, ast.Call)):
            func = call.func
            if isinstance(func, ast.Name) and reading is not None and (reading.bindings.get(func.id) and all(
                    isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom))
                    for b, _ in reading.bindings[func.id]) or func.id not in reading.bindings
                    and hasattr(builtins, func.id) and _function_binding(reading, func) is None):
                continue
            if isinstance(func, ast.Attribute) and reading is not None and (
                    _resolved(reading, func) or "").split(".")[0] in reading.imported.values():
                continue
            found.append(call)
        return found

    bindings_in: dict[int, list[ast.AST]] = {}  # function -> its binding statements
    for n in nodes:
        if isinstance(n, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.For, ast.AsyncFor, ast.NamedExpr,
                          ast.withitem, ast.comprehension)):
            bindings_in.setdefault(id(around.get(id(n))), []).append(n)
    todo = [m for value in handed_in_place for m in ast.walk(value)]
    # (a nested function called there hands back what it returns: `def inner(): return x`, `b += inner()`)
    local_defs = {n.name: n for n in nodes if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
                  and around.get(id(n)) is not None}
    todo += [r for m in list(todo) if isinstance(m, ast.Call) and isinstance(m.func, ast.Name)
             and m.func.id in local_defs for r in ast.walk(local_defs[m.func.id])
             if isinstance(r, ast.Name) and isinstance(r.ctx, ast.Load)]
    followed: set[tuple[int, str]] = set()

    def store(value: ast.AST) -> None:
        for m in ast.walk(value):
            if id(m) not in stored:
                stored[id(m)] = m
                todo.append(m)

    unnamed: list[ast.Call] | None = None
    while todo:
        n = todo.pop()
        if not isinstance(n, ast.Name) or id(n) in called:
            continue
        function = around.get(id(n))
        while function is not None and n.id not in _parameter_names(function) and not any(
                isinstance(e, ast.Name) and e.id == n.id for st in bindings_in.get(id(function), [])
                for t in _binding_targets(st) for e in ast.walk(t)):
            function = around.get(id(function))  # (a closure's name: the function around it)
        if function is None or (id(function), n.id) in followed:
            continue
        followed.add((id(function), n.id))
        for st in bindings_in.get(id(function), []):
            if any(isinstance(e, ast.Name) and e.id == n.id for t in _binding_targets(st) for e in ast.walk(t)):
                value = st.iter if isinstance(st, (ast.For, ast.AsyncFor, ast.comprehension)) else \
                    st.context_expr if isinstance(st, ast.withitem) else st.value
                if value is not None:
                    store(value)
        if n.id not in _parameter_names(function):
            continue
        defaults = _parameter_defaults(function)
        if n.id in defaults:
            store(defaults[n.id])
        name = getattr(function, "name", None)
        owner = owner_of.get(id(function))
        positional = [] if isinstance(function, ast.Lambda) else [
            a.arg for a in function.args.posonlyargs + function.args.args]
        reaching: list[tuple[ast.Call, int | None]] = []  # (a call, how many positional parameters it binds first;
        # None: every argument, where the reader does not tell which parameter an argument binds)
        decorated = bool(getattr(function, "decorator_list", None))
        family = [owner] + (_inheriting_subclasses(reading, owner, "__init__") if reading is not None else []) \
            if owner is not None and name == "__init__" else []
        if family:
            # (a subclass's call that runs it: `Sub([F.conv2d])`, attack round 116; and `X.__init__(obj, ...)`)
            reaching += [(c, None if decorated else 1) for member in family for c in calls_named.get(member.name, [])]
            reaching += [(c, None) for c in calls_of_attribute.get("__init__", [])]
        elif owner is not None and name is not None and not name.startswith("__"):
            # (a static or class method, or one decorated otherwise, binds what Python decides first: every
            # argument, attack round 116)
            reaching += [(c, None if decorated else 0 if isinstance(c.func.value, ast.Name)
                          and c.func.value.id == owner.name else 1) for c in calls_of_attribute.get(name, [])]
        elif owner is None and name is not None:
            reaching += [(c, None if decorated else 0) for c in calls_named.get(name, [])]
        if isinstance(function, ast.Lambda) or decorated or name in named_otherwise or name == "__call__" or any(
                member.name in named_otherwise for member in family):
            # (a function a decorator was handed may be called from wherever the decorator put it: attack round
            # 116's registries)
            unnamed = unnamed_callees() if unnamed is None else unnamed
            reaching += [(c, None) for c in unnamed]
        named = set(positional) | {a.arg for a in getattr(function.args, "kwonlyargs", [])}
        for call, first in reaching:
            if first is None or any(isinstance(a, ast.Starred) for a in call.args) or any(
                    k.arg is None for k in call.keywords):
                given = call.args + [k.value for k in call.keywords]  # (unpacked, or a callee not named: all)
            elif n.id in positional:
                index = positional.index(n.id) - first
                given = (call.args[index:index + 1] if index >= 0 else []) + [
                    k.value for k in call.keywords if k.arg == n.id]
            elif function.args.vararg is not None and n.id == function.args.vararg.arg:
                given = call.args[max(len(positional) - first, 0):]
            elif function.args.kwarg is not None and n.id == function.args.kwarg.arg:
                given = [k.value for k in call.keywords if k.arg not in named]
            else:
                given = [k.value for k in call.keywords if k.arg == n.id]
            for value in given:
                store(value)  # (a caller's own parameter handed on: `_e(y)` calling `_d(y)`)
    return set(stored)


def _binding_targets(statement: ast.AST) -> list[ast.AST]:
    """The targets a binding statement binds (an assignment's, a loop's, a ``with``'s, a walrus's)."""
    if isinstance(statement, ast.Assign):
        return list(statement.targets)
    if isinstance(statement, ast.withitem):
        return [statement.optional_vars] if statement.optional_vars is not None else []
    return [statement.target]


def _torch_convolution_function(reading: _Reading, node: ast.AST) -> str | None:
    """``F.conv2d`` (as written) when ``node`` names one of torch's convolution or pooling functions (not a layer
    class: ``nn.Conv2d`` handed to a block factory is a model's business); else None."""
    if isinstance(node, ast.Attribute):
        root, chain = _root(node)
        if root and reading.imported.get(root, "").startswith("torch") and BUILT_IN.search(node.attr) \
                and node.attr[:1].islower() and not _names_a_module(reading, node):
            return chain
    elif isinstance(node, ast.Name):
        # a name imported or assigned as one (`from torch.nn.functional import conv2d as tconv`, `T = F.conv2d`)
        imported = reading.imported.get(node.id, "")
        last = imported.rsplit(".", 1)[-1]
        if imported.startswith("torch") and imported != "torch" and BUILT_IN.search(last) and last[:1].islower():
            return node.id
    return None


def _names_a_module(reading: _Reading, node: ast.Attribute) -> bool:
    """Whether ``node`` (``nn.modules.conv``, ``torch.nn.modules.pooling``) names, where the judge runs, one of torch's
    modules rather than a function of one (the judge has torch loaded: a module not loaded names nothing here)."""
    import sys
    import types

    return isinstance(sys.modules.get(_resolved(reading, node) or ""), types.ModuleType)


#: Of ``importlib.metadata``, what reads an installed package's version and nothing else (its entry points load code).
PACKAGE_VERSIONS = frozenset({"version", "PackageNotFoundError"})
#: How a relative import's finding begins (one in a cell; one in a module the submission writes is its package's).
RELATIVE_IMPORT = "a relative import"
#: What a loop over modules may read of each: names and versions, printed (fairness round 33).
MODULE_LABELS = frozenset({"__name__", "__version__", "__file__"})


def _modules_listed_by_name(nodes: list[ast.AST], modules: set[str]) -> set[int]:
    """The module names in ``for m in (torch, np, pd): print(m.__name__, m.__version__)`` (a loop's or a
    comprehension's literal tuple or list of modules, its one-name target read only for :data:`MODULE_LABELS`):
    each module's name and version, not the module handed on."""
    listed: set[int] = set()
    for loop in nodes:
        if isinstance(loop, (ast.For, ast.AsyncFor)):
            target, iterable, body = loop.target, loop.iter, loop.body + loop.orelse
        elif isinstance(loop, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)) \
                and len(loop.generators) == 1:
            generator = loop.generators[0]
            target, iterable = generator.target, generator.iter
            body = [*generator.ifs, *([loop.key, loop.value] if isinstance(loop, ast.DictComp) else [loop.elt])]
        else:
            continue
        if not (isinstance(target, ast.Name) and isinstance(iterable, (ast.Tuple, ast.List))
                and iterable.elts and all(isinstance(e, ast.Name) and e.id in modules for e in iterable.elts)):
            continue
        inside = [n for part in body for n in ast.walk(part)]
        labels = {id(n.value) for n in inside if isinstance(n, ast.Attribute) and n.attr in MODULE_LABELS}
        uses = [n for n in inside if isinstance(n, ast.Name) and n.id == target.id]
        if all(id(n) in labels for n in uses):
            listed.update(id(e) for e in iterable.elts)
    return listed


def _identifiers_of(node: ast.AST) -> list[str]:
    """The identifiers a node spells: a name, an attribute, a parameter, a keyword, an import's, a def's or a
    class's name, a text constant (``globals()["_Acc__s"]``)."""
    if isinstance(node, ast.Name):
        return [node.id]
    if isinstance(node, ast.Attribute):
        return [node.attr]
    if isinstance(node, ast.arg):
        return [node.arg]
    if isinstance(node, ast.keyword):
        return [node.arg] if node.arg else []
    if isinstance(node, ast.alias):
        return [node.name.split(".")[-1]] + ([node.asname] if node.asname else [])
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [node.name]
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.isidentifier():
        return [node.value]
    # (a capture, an except's name, a global statement's: `case _Acc__ZERO:` binds what `__ZERO` in Acc reads,
    # attack round 116)
    if isinstance(node, (ast.MatchAs, ast.MatchStar, ast.ExceptHandler)):
        return [node.name] if node.name else []
    if isinstance(node, ast.MatchMapping):
        return [node.rest] if node.rest else []
    if isinstance(node, ast.MatchClass):
        return list(node.kwd_attrs)
    if isinstance(node, (ast.Global, ast.Nonlocal)):
        return list(node.names)
    return []


def _scan_reached_by_value(reading: _Reading, nodes: list[ast.AST]) -> None:
    """Rule 2 for what reaches objects by a value rather than a name in the text: the name-reaching built-ins
    used other than as a direct call with a readable name, modules passed around as values, private and
    unreadable attributes of objects whose origin cannot be read, and loaders that unpickle.

    Run once every unit is bound (a class a later cell defines is the submission's own)."""
    # Python renames a private name (`__f`, `self.__s`) in a class body to `_Cls__f`: the reader reads names as
    # written, so a name spelled as a mangled one of a class of the submission's (a module's `_Helper__f =
    # F.conv2d` read by `Helper`'s `__f(...)`, a keyword `_Acc__s=`) is unread (attack round 115)
    prefixes = {f"_{c.name.lstrip('_')}__" for c in reading.classes if c.name.lstrip("_")}
    for n in nodes if prefixes else ():
        for text in _identifiers_of(n):
            if any(text.startswith(p) and len(text) > len(p) for p in prefixes):
                reading.unreadable.append(Finding("unverifiable", f"{text} (a name Python mangles in a class)",
                                                  hides_from_models=False))
    add = reading.unreadable.append
    calls = {id(n.func): n for n in nodes if isinstance(n, ast.Call)}
    attribute_names = {id(n.value): n.attr for n in nodes if isinstance(n, ast.Attribute)}
    attribute_values = set(attribute_names)
    plain_aliases = {id(n.value) for n in nodes if isinstance(n, ast.Assign) and len(n.targets) == 1
                     and isinstance(n.targets[0], ast.Name) and n.targets[0].id in reading.imported
                     and isinstance(n.value, (ast.Name, ast.Attribute))}
    tested = {id(n.test) for n in nodes if isinstance(n, (ast.If, ast.While, ast.IfExp, ast.Assert))} | {
        id(e) for n in nodes if isinstance(n, ast.Compare) for e in [n.left, *n.comparators]}  # `if F:`, `m is None`
    methods_own = _method_self_names(nodes)
    compared = _compared_instance_names(nodes)
    modules = {name for name in reading.imported if _is_module(reading, name)}
    looked_in = {id(c.args[0]) for c in calls.values() if isinstance(c.func, ast.Name) and c.args
                 and c.func.id in ("getattr", "hasattr", "dir")}  # read by _looked_up_by_name; dir gives strings
    # `torch.multiprocessing.set_sharing_strategy("file_system")` (fairness round 31): a setting, not a process
    sharing = {id(n.value) for n in nodes if isinstance(n, ast.Attribute) and n.attr in SHARING_SETTINGS
               and _resolved(reading, n.value) == "torch.multiprocessing"}
    # `yaml.load(f, Loader=yaml.SafeLoader)` builds plain data, as `yaml.safe_load(f)` does (fairness round 31)
    safe_yaml = {id(c.func) for c in calls.values() if _resolved(reading, c.func) in ("yaml.load", "yaml.load_all")
                 and [_resolved(reading, v) for v in [*c.args[1:2], *[k.value for k in c.keywords
                                                                       if k.arg == "Loader"]]] in (
                     [loader] for loader in SAFE_YAML_LOADERS) and len(c.args) + len(c.keywords) == 2}
    # importlib.reload(helpers) is read as an import of the module again (rule 2 above): q6's by-hand part only
    reloaded = {id(a) for c in calls.values() if _resolved(reading, c.func) == "importlib.reload" for a in c.args}
    # unittest's loader given a module the submission wrote and the reader read (fairness round 32: as
    # `loadTestsFromName("test_models")` and `unittest.main(module=...)` are)
    reloaded |= {id(a) for c in calls.values() if isinstance(c.func, ast.Attribute)
                 and c.func.attr == "loadTestsFromModule" for a in c.args[:1]}
    listed = _modules_listed_by_name(nodes, modules)
    stored = _stored_in_objects(nodes, reading)
    # `F = torch.nn.functional` in a function (a local alias, read only through its attributes: `F.relu(x)`) hands the
    # module on to nothing; an alias used as a value anywhere is the module handed on (attack round 70)
    handed_names = {n.id for n in nodes if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
                    and id(n) not in attribute_values}
    in_class_bodies = {id(st) for n in nodes if isinstance(n, ast.ClassDef) for st in n.body}  # (class attributes)
    read_through = {id(n.value) for n in nodes if isinstance(n, ast.Assign) and len(n.targets) == 1
                    and isinstance(n.targets[0], ast.Name) and n.targets[0].id not in handed_names
                    and id(n) not in in_class_bodies}
    for node in nodes:
        if id(node) in stored and id(node) not in calls and isinstance(getattr(node, "ctx", None), ast.Load) \
                and (shown := _torch_convolution_function(reading, node)):
            # (an attribute's value too: `F.conv2d.__call__` stored is torch's convolution, attack round 73; a module
            # read through, `nn.modules.conv` of `nn.modules.conv.Conv2d(...)`, names no function: fairness round 54)
            # Put in a table, a list or an object and read back by a by-hand function
            # through a path the walk from its name does not follow (attack round 7: `holder[0]["c"] = F.conv2d`):
            # only a direct call of torch's convolution or pooling, or a plain alias of it, can be read.
            add(Finding("unverifiable", f"{shown} used as a value (only a direct call of it can be followed)",
                        hides_from_models=False))
        if isinstance(node, ast.Name):
            if node.id in NAME_REACHING_BUILTINS:
                call = calls.get(id(node))
                if not isinstance(node.ctx, ast.Load):
                    add(Finding("unverifiable", f"{node.id} = ... (rebinding a built-in that reaches names)"))
                elif call is None:
                    add(Finding("unverifiable", f"{node.id} used as a value (only a direct call can be read)"))
                elif node.id in ("getattr", "hasattr"):
                    finding = _looked_up_by_name(reading, call, methods_own)
                    if finding:
                        add(finding)
            elif node.id in modules and isinstance(node.ctx, ast.Load) and id(node) not in attribute_values \
                    and id(node) not in plain_aliases and id(node) not in looked_in \
                    and id(node) not in tested and id(node) not in reloaded and id(node) not in listed:
                add(Finding("unverifiable", f"the module {node.id} used as a value"))
        elif isinstance(node, ast.Attribute):
            root, chain = _root(node)
            attr = node.attr
            if isinstance(node.ctx, ast.Load) and id(node) not in attribute_values and id(node) not in calls \
                    and id(node) not in plain_aliases and id(node) not in looked_in and id(node) not in tested \
                    and id(node) not in reloaded and id(node) not in listed and id(node) not in read_through \
                    and _a_module_inside(reading, node):
                # a module reached through another's attribute (`nn.modules.module.warnings`), handed on as a value
                # (attack round 70 gave it to a method called through its class, as `self`)
                add(Finding("unverifiable", f"the module {chain} used as a value"))
            imported = reading.imported.get(root, "") if root else ""
            if attr in UNREADABLE_ATTRIBUTES and attr not in EVERYDAY_ATTRIBUTES and not _settings_chain(chain) \
                    and _resolved_once(reading, node) not in PLAIN_MODULE_ATTRIBUTES \
                    and "_constant_getter" not in node.__dict__:
                add(Finding("unverifiable", chain if root else f"(...).{chain}"))
            elif id(node) in sharing or id(node) in safe_yaml:
                pass
            elif ((attr in LOADING_ATTRIBUTES or (attr in UNREADABLE_IMPORTS | LOADING_IMPORTS
                                                   and attr not in EVERYDAY_MODULE_NAMES))
                  and not (id(node) in reading.own_attributes or _own_instance_member(reading, node))) \
                    or attr in TORCH_FUNCTION_ATTRIBUTES or (
                    attr in REEXPORTED_MODULES) or (
                    (attr in JINJA_ATTRIBUTES or attr.startswith(STYLER_TEMPLATES))
                    and id(node) not in reading.own_attributes and _through_styler(reading, node.value)):
                add(Finding("unverifiable", chain if root else f"(...).{chain}"))
            elif (attr in TORCH_LOADING_ATTRIBUTES and imported.startswith("torch")) \
                    or _is_text_timer(_resolved(reading, node)):
                add(Finding("unverifiable", chain))
            elif imported.split(".")[0] == "IPython" and not _plain_ipython(
                    _resolved(reading, node) or "", within=id(node) in attribute_values):
                add(Finding("unverifiable", f"{chain} (of IPython, only its display, its shell's settings and its "
                                            "debugger are read)"))
            elif imported.split(".")[0] in LOADING_IMPORTS or (imported == "yaml" and attr in YAML_OBJECT_LOADERS) \
                    or (_evaluates_text(imported, attr) and not (
                        attr == "S" and id(node) not in calls and attribute_names.get(id(node), "")[:1].isupper())):
                # (`sp.S.Half`: one of SymPy's singletons, read off its registry, not a text parsed: round 34)
                add(Finding("unverifiable", chain))
            elif attr.startswith("_") and not attr.startswith("__") and attr not in PLAIN_PRIVATE_NAMES \
                    and not _own_private(reading, node, methods_own) \
                    and not _compared_private(node, compared) \
                    and not _type_alias(*(_resolved(reading, node) or ".").rsplit(".", 1)):
                # (`ct._size_2_t` with `import torch.nn.common_types as ct`: a type alias, fairness round 39)
                what = chain if root else f"(...).{chain}"
                if isinstance(node.value, ast.Name) and _a_private_name_of_its_own(reading, attr):
                    # A name a class of the submission's gives its instances and no object a model is made of or
                    # computes spells (micrograd's `v._backward()` on a node of its graph, a linked list's
                    # `node._next`: fairness rounds 70 and 72), on an object the reader cannot type: it may still be
                    # any object's.  It costs the by-hand part where a by-hand function reaches it, not in a
                    # self-check nothing checked reaches; the models wherever it stands (their walk misses channels
                    # a tampering runs through: attack round 106 changed a class attribute through an instance)
                    add(Finding("unverifiable", what, hides_from_models=True, hides_from_by_hand=False))
                    reading.reach_only.append((node, Finding("unverifiable", what, hides_from_models=False)))
                else:
                    add(Finding("unverifiable", what))
        elif isinstance(node, ast.Call):
            if _resolved(reading, node.func) in ENVIRONMENT_SETTERS and (node.keywords or not all(
                    isinstance(a, ast.Constant) or (isinstance(a, ast.Dict) and all(  # update({"NAME": ...})
                        isinstance(k, ast.Constant) and isinstance(k.value, str) for k in a.keys))
                    for a in node.args[:1])):
                # torch.load's default (weights_only) can be switched by the environment: only named variables
                add(Finding("unverifiable", "the environment changed with names the grader cannot read"))
            if isinstance(node.func, ast.Attribute) and node.func.attr in NAMESPACE_PARSERS and (
                    len(node.args) > 1 or any(k.arg in ("namespace", "values", None) for k in node.keywords)
                    or any(isinstance(a, ast.Starred) for a in node.args)):
                # (a parser sets what its options name on the namespace it is handed: `parser.parse_args(['--x'],
                # torch.no_grad)` with `dest='__call__'` replaced a member of torch's class, attack round 134)
                add(Finding("unverifiable", f"{node.func.attr}(..., namespace) (sets the attributes its options name "
                                            "on an object it is handed)"))
            if isinstance(node.func, ast.Attribute) and node.func.attr in STRING_EVALUATORS and (
                    node.args or node.keywords) and not _plain_query(node):
                # model.eval() takes nothing; df.eval("@torch._C") is code
                root, chain = _root(node.func)
                add(Finding("unverifiable", f"{chain if root else '(...).' + chain}(...) (code in a string)"))
            own_callee = _root(node.func)[0] if isinstance(node.func, (ast.Name, ast.Attribute)) else None
            if own_callee in reading.bindings and own_callee not in reading.imported and any(
                    _mentions_styler(reading, a) for a in [*node.args, *(k.value for k in node.keywords)]):
                # a Styler handed to the submission's own code, whose `self.loader` / a parameter's `.env` would be
                # the Styler's jinja2 (the exemption of own attributes above assumes `self` is its class's)
                add(Finding("unverifiable", "pandas' Styler handed to the submission's own code"))
            named = _evaluator_named(reading, node) if isinstance(node.func, ast.Attribute) \
                and node.func.attr in BY_NAME_DISPATCH else None
            if named is not None:
                root, chain = _root(node.func)
                add(Finding("unverifiable", f"{chain if root else '(...).' + chain}({ast.unparse(named)[:40]}, "
                                            "...) (a method named by a text)"))
            if _resolved(reading, node.func) in PRINT_OPTION_SETTERS:
                reading.printing_calls.append(node)
            for keyword in node.keywords:
                if keyword.arg == PRINTED_CONTENTS and not (isinstance(keyword.value, ast.Constant)
                                                           and isinstance(keyword.value.value, str)):
                    # a tensor's repr adds it to a text with every dispatch mode set aside (attack round 63)
                    add(Finding("unverifiable", f"{PRINTED_CONTENTS}= given an object (torch runs it as it prints)",
                                hides_from_models=False))
                if keyword.arg in CODE_KEYWORDS:
                    add(Finding("unverifiable", f"{keyword.arg}=... (code handed to a library to run)"))
                if keyword.arg in EVALUATING_KEYWORDS and not (
                        isinstance(keyword.value, ast.Constant) and keyword.value.value is False):
                    add(Finding("unverifiable", f"{keyword.arg}={ast.unparse(keyword.value)} (annotations evaluated "
                                                "as code)"))
                guard = next((g for g in GUARDED_LOADERS.values() if g[0] == keyword.arg), None)
                if guard and not (isinstance(keyword.value, ast.Constant) and keyword.value.value is guard[1]) \
                        and not _loads_what_it_saved(reading, node, nodes):
                    add(Finding("unverifiable", f"{keyword.arg}={ast.unparse(keyword.value)}"))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
            loading = [n for n in names if set(n.split(".")) & LOADING_IMPORTS or _is_text_timer(n)]
            if loading:
                add(Finding("unverifiable", f"import {loading[-1]}"))
            imported_parts = [alias.name for alias in node.names] if isinstance(node, ast.Import) else \
                [f"{node.module}.{alias.name}" for alias in node.names]
            # `import torch.fx` binds `torch` alone, and every use of its compilers is then `torch.fx...`, a finding of
            # its own where it is (fairness round 47: an import left unused cost all of q6 by hand, q7 and q8)
            compiling = [n for n in imported_parts if _torch_compiler_module(n)
                         and not (isinstance(node, ast.Import) and _public_torch_part(n)
                                  and all(a.asname is None for a in node.names if a.name == n))]
            if compiling:
                add(Finding("unverifiable", f"import {compiling[-1]}"))
            if isinstance(node, ast.ImportFrom):
                for alias in node.names:  # the same names as attributes, imported by name
                    if alias.name in LOADING_ATTRIBUTES | TORCH_FUNCTION_ATTRIBUTES or (
                            node.module == "yaml" and alias.name in YAML_OBJECT_LOADERS) or (
                            _evaluates_text(node.module or "", alias.name)):
                        add(Finding("unverifiable", f"from {node.module} import {alias.name}"))
        elif isinstance(node, ast.Subscript) and isinstance(node.ctx, (ast.Store, ast.Del)) \
                and _resolved(reading, node.value) == "os.environ" and not _environment_name(reading, node.slice):
            # torch.load's default (weights_only) can be switched by the environment: only named variables
            add(Finding("unverifiable", "os.environ[...] set with a computed name"))
        elif isinstance(node, ast.arg | ast.AnnAssign | ast.FunctionDef | ast.AsyncFunctionDef) and any(
                not _plain_annotation(a) or not _names_of_types(reading, a) for a in _annotations_of(node)):
            # a string annotation is evaluated later by typing.get_type_hints, functools.singledispatch's
            # register, dataclasses...: only a forward reference is readable
            add(Finding("unverifiable", "an annotation that is not a type (code evaluated out of sight)"))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and "WEIGHTS_ONLY" in node.value:
            add(Finding("unverifiable", "torch.load's weights_only switched by the environment"))
        full = _resolved(reading, node)
        if full in GUARDED_LOADERS:
            keyword, safe, default_safe = GUARDED_LOADERS[full]
            call = calls.get(id(node))
            given = None if call is None else next((k.value for k in call.keywords if k.arg == keyword), None)
            if call is None or len(call.args) > 2 or any(k.arg is None for k in call.keywords) or any(
                    isinstance(a, ast.Starred) for a in call.args) or (given is None and not default_safe):
                add(Finding("unverifiable", f"{full} (it unpickles unless called with {keyword}={safe})"))


#: Keywords of pandas' ``eval``/``query`` that change where the result goes, not what the text may reach
#: (``df.eval("c = a * b", inplace=True)``: fairness round 36), given as a constant.
PLAIN_QUERY_KEYWORDS = frozenset({"inplace"})


def _plain_query(call: ast.Call) -> bool:
    """``df.query("params > 100")``, ``df.query("k in [3, 5]")``: a constant comparison of columns, with no ``@``
    (the caller's variables), backquoted names, dunders or attribute look-ups."""
    text = call.args[0] if len(call.args) == 1 and all(
        k.arg in PLAIN_QUERY_KEYWORDS and isinstance(k.value, ast.Constant) for k in call.keywords) else None
    return isinstance(text, ast.Constant) and isinstance(text.value, str) and bool(
        PLAIN_QUERY.fullmatch(text.value)) and "__" not in text.value


def _annotations_of(node: ast.AST) -> list[ast.expr]:
    found = node.returns if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else node.annotation
    return [found] if found is not None else []


def _plain_annotation(node: ast.expr) -> bool:
    """A type as an annotation: names, dotted names, subscripts, ``X | Y``, a literal, or a string that is a
    forward reference (:data:`PLAIN_ANNOTATION`); anything else may be code evaluated later."""
    if isinstance(node, ast.Constant):
        return not isinstance(node.value, str) or bool(PLAIN_ANNOTATION.fullmatch(node.value))
    if isinstance(node, ast.Name):
        return True
    if isinstance(node, ast.Attribute):
        return _plain_annotation(node.value)
    if isinstance(node, ast.Subscript):
        kind, elements = _subscript_form(node)
        if kind == "Literal" and _plain_annotation(node.value):
            # values, never evaluated as types (nn.Conv2d's `padding_mode: Literal["zeros", ...]`: fairness round 33)
            return all(isinstance(e, ast.Constant) or _dotted(e)
                       or (isinstance(e, ast.Subscript) and _plain_annotation(e)) for e in elements)
        if kind == "Annotated" and _plain_annotation(node.value) and elements:
            # a type, then metadata kept as it is (`Annotated[Tensor, "2-D (H, W)"]`, `Field(gt=0)`: round 33)
            return _plain_annotation(elements[0]) and all(_plain_metadata(e) for e in elements[1:])
        return _plain_annotation(node.value) and _plain_annotation(node.slice)
    if isinstance(node, (ast.Tuple, ast.List)):
        return all(_plain_annotation(e) for e in node.elts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _plain_annotation(node.left) and _plain_annotation(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute)) \
            and _root(node.func)[1].split(".")[-1] in CONSTRAINED_TYPES:
        # pydantic's constrained types, made by a call with constant bounds: `k: conint(ge=1, le=10)` (round 37)
        return _plain_metadata(node)
    return False


#: pydantic's makers of constrained types, which an annotation may call with constant bounds.
CONSTRAINED_TYPES = frozenset({"conint", "confloat", "constr", "conlist", "conset", "condecimal", "conbytes"})


def _subscript_form(node: ast.Subscript) -> tuple[str | None, list[ast.expr]]:
    """The last name of what is subscripted (``Literal`` of ``typing.Literal[...]``) and the elements it is given."""
    kind = node.value.id if isinstance(node.value, ast.Name) else \
        node.value.attr if isinstance(node.value, ast.Attribute) else None
    return kind, node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]


def _forward_references(annotation: ast.expr) -> list[str]:
    """The strings of an annotation that name types (forward references, evaluated by ``get_type_hints``): not a
    ``Literal``'s values nor ``Annotated``'s metadata, which are kept as they are."""
    texts, todo = [], [annotation]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            texts.append(node.value)
            continue
        if isinstance(node, ast.Subscript):
            kind, elements = _subscript_form(node)
            if kind == "Literal":
                continue
            if kind == "Annotated" and elements:
                todo += [node.value, elements[0]]
                continue
        todo.extend(ast.iter_child_nodes(node))
    return texts


def _dotted(node: ast.expr) -> bool:
    """A name or a dotted name (``Color.RED``)."""
    return isinstance(node, ast.Name) or (isinstance(node, ast.Attribute) and _dotted(node.value))


def _plain_metadata(node: ast.expr) -> bool:
    """``Annotated``'s metadata that is a value, not a type: a constant, a dotted name, or a call of a dotted name
    with constants (``Field(gt=0)``, ``ValueRange(0, 10)``)."""
    def constant(a: ast.expr, depth: int = 0) -> bool:
        # `Field(gt=-1)`: a negative bound is a unary minus (fairness round 35); `le=2 ** 4`, arithmetic of
        # constants, and `("H", "W")`, a tuple of them (round 36)
        if depth > 8:
            return False
        if isinstance(a, ast.UnaryOp) and isinstance(a.op, (ast.USub, ast.UAdd)):
            return constant(a.operand, depth + 1)
        if isinstance(a, ast.BinOp) and isinstance(a.op, (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv,
                                                          ast.Pow, ast.Mod)):
            return constant(a.left, depth + 1) and constant(a.right, depth + 1)
        if isinstance(a, ast.Tuple):
            return len(a.elts) <= 16 and all(constant(e, depth + 1) for e in a.elts)
        return isinstance(a, ast.Constant)

    if constant(node) or _dotted(node):
        return True
    return isinstance(node, ast.Call) and _dotted(node.func) and all(
        constant(a) for a in [*node.args, *(k.value for k in node.keywords)])


def _own_instance_member(reading: _Reading, node: ast.Attribute) -> bool:
    """``watch.measure()``, ``cfg.profile``, ``CNN().inspect(x)``: a name the submission's own class binds, read on
    a new instance of that class, or on a module-level name bound only to new instances of it (``watch =
    Stopwatch()``) and never changed (fairness round 36: these names are also a library's evaluator or a module's,
    and were refused on any object).  Not a function's local of the same spelling.  A new instance is also what the
    submission's own factory returns (:func:`_made_class`: ``make_stopwatch()``, ``Stopwatch.named("conv2d")``,
    fairness round 37), and a ``types.SimpleNamespace`` of constants has the names given to it
    (``opts = SimpleNamespace(profile=False)``: ``opts.profile`` is ``False``), or stored in it one at a time
    (``opts.profile = False``: :func:`_constants_stored`)."""
    owner = node.value
    if isinstance(owner, ast.Call):  # `CNN().inspect(x)`, `Stopwatch.named("x").measure(...)`
        return _member_of_made(reading, owner, node.attr)
    if isinstance(owner, ast.Subscript):  # `timers["q6"].measure(...)`
        return _member_of_table(reading, owner, node.attr)
    if not isinstance(owner, ast.Name) or owner.id in reading.imported \
            or owner.id in reading.global_in_functions or _function_binding(reading, owner) is not None:
        return False  # (a function's parameter or local of the same name is any object: attack round 52)
    if _parsed_arguments(reading, owner.id):
        return True
    changes = reading.mutations.get(owner.id, [])
    stored = _constants_stored(owner.id, changes)
    if stored is None:
        return False
    # (the attribute stores are bindings of the name too: what it is bound to is the rest)
    bindings = [(b, plain) for b, plain in reading.bindings.get(owner.id, []) if not any(b is c for c in changes)]
    # (a name the class inherits from a library's class is not the submission's: only names its source binds)
    return bool(bindings) and all(
        plain and isinstance(statement, ast.Assign) and len(statement.targets) == 1
        and isinstance(statement.targets[0], ast.Name) and (
            isinstance(statement.value, ast.Call)
            and (_member_of_made(reading, statement.value, node.attr) if not stored
                 else _namespace_of_constants(reading, statement.value, node.attr, stored))
            or not stored and _member_of_table(reading, statement.value, node.attr))
        for statement, plain in bindings)


def _member_of_table(reading: _Reading, element: ast.expr, attr: str) -> bool:
    """Whether ``element`` is ``table[constant]`` of a table of the submission's own instances
    (:func:`_instances_table`) and ``attr`` a member their class binds (``t6 = timers["q6"]``: fairness round 40)."""
    if not (isinstance(element, ast.Subscript) and isinstance(element.value, ast.Name)
            and isinstance(element.slice, ast.Constant)):
        return False
    made = _instances_table(reading, element.value.id)
    return made is not None and attr in reading.own_members.get(made, ()) and _instances_are_plain(reading, made)


def _instances_table(reading: _Reading, name: str) -> str | None:
    """The own class whose new instances are every value of the dict or list ``name`` is bound to, once, at module
    level (``{n: Timer.named(n) for n in ("q6", "q7")}``, ``[Timer(), Timer()]``), when the table is never changed
    and only read by a constant index or shown (``print(timers)``); None otherwise."""
    key = ("instances table", name)
    if key in reading.memo:
        return reading.memo[key]
    made = None
    bindings = reading.bindings.get(name, [])
    if len(bindings) == 1 and name not in reading.imported and name not in reading.mutations \
            and name not in reading.global_in_functions and _function_binding_free(reading, name):
        statement, plain = bindings[0]
        values = []
        if plain and isinstance(statement, ast.Assign) and len(statement.targets) == 1 \
                and isinstance(statement.targets[0], ast.Name):
            value = statement.value
            values = value.values if isinstance(value, ast.Dict) and None not in value.keys else \
                value.elts if isinstance(value, (ast.List, ast.Tuple)) else \
                [value.value] if isinstance(value, ast.DictComp) else \
                [value.elt] if isinstance(value, ast.ListComp) else []
        classes = {_made_class(reading, v) if isinstance(v, ast.Call) else None for v in values}
        if len(classes) == 1 and None not in classes and _only_read_by_constant_index(reading, name, statement):
            made = classes.pop()
    reading.memo[key] = made
    return made


def _only_read_by_constant_index(reading: _Reading, name: str, binding: ast.AST) -> bool:
    """Every other use of ``name`` is ``name[constant]`` read, or the argument of a built-in that only shows it."""
    parents = _parents(reading)
    for node in reading.nodes:
        if isinstance(node, ast.Name) and node.id == name and node is not binding.targets[0]:
            parent = parents.get(id(node))
            if isinstance(parent, ast.Subscript) and parent.value is node and isinstance(parent.ctx, ast.Load) \
                    and isinstance(parent.slice, ast.Constant):
                continue
            if isinstance(parent, ast.Call) and node in parent.args and isinstance(parent.func, ast.Name) \
                    and parent.func.id in NAMESPACE_SHOWING_CALLS and parent.func.id not in reading.bindings:
                continue
            return False
    return True


def _constants_stored(name: str, mutations: list[ast.AST]) -> dict[str, list[ast.expr]] | None:
    """What the changes of ``name`` store, by attribute, when every one is ``name.attr = <constant>``
    (``flags.profile = False``, one a line: fairness round 40); {} when it has none; None when one is any other."""
    stored: dict[str, list[ast.expr]] = {}
    for change in mutations:
        if not (isinstance(change, ast.Assign) and len(change.targets) == 1
                and isinstance(change.targets[0], ast.Attribute) and isinstance(change.targets[0].value, ast.Name)
                and change.targets[0].value.id == name and isinstance(change.value, ast.Constant)):
            return None
        stored.setdefault(change.targets[0].attr, []).append(change.value)
    return stored


def _namespace_of_constants(reading: _Reading, call: ast.Call, attr: str, stored: dict) -> bool:
    """Whether ``attr`` of the ``types.SimpleNamespace`` that ``call`` makes, then given ``stored`` constants one
    attribute at a time, is a constant: given as one to the call or stored, never anything else."""
    if _resolved_once(reading, call.func) not in PLAIN_NAMESPACES or call.args:
        return False
    given = {k.arg: k.value for k in call.keywords}
    return None not in given and (attr in given or attr in stored) and (
        attr not in given or isinstance(given[attr], ast.Constant))


def _member_of_made(reading: _Reading, call: ast.Call, attr: str) -> bool:
    """Whether ``attr`` read on what ``call`` returns is a name the submission binds on it: a member of the
    submission's own class that the call makes (:func:`_made_class`), or a constant given to a
    ``types.SimpleNamespace``."""
    made = _made_class(reading, call)
    if made is not None:
        return attr in reading.own_members.get(made, ()) and _instances_are_plain(reading, made)
    if _resolved_once(reading, call.func) in PLAIN_NAMESPACES and not call.args:
        given = _namespace_keywords(reading, call)
        return given is not None and attr in given and _option_value(reading, given[attr])
    return False


def _namespace_keywords(reading: _Reading, call: ast.Call) -> dict[str, ast.expr] | None:
    """The keywords ``call`` gives, by name: written out, or unpacked from a dict display of constant keys
    (``SimpleNamespace(**{"profile": False})``) or from a name bound once to one and only ever unpacked
    (``SimpleNamespace(**DEFAULTS)``: fairness round 39); None when one may be anything."""
    given: dict[str, ast.expr] = {}
    for keyword in call.keywords:
        if keyword.arg is not None:
            given[keyword.arg] = keyword.value
            continue
        table = keyword.value
        if isinstance(table, ast.Name):
            table = _unpacked_only_dict(reading, table.id)
        if not (isinstance(table, ast.Dict) and all(
                isinstance(k, ast.Constant) and isinstance(k.value, str) for k in table.keys)):
            return None
        given.update(zip((k.value for k in table.keys), table.values))
    return given


def _unpacked_only_dict(reading: _Reading, name: str) -> ast.Dict | None:
    """The dict display ``name`` is bound to, once, at module level, when its every other use is ``**name`` in a
    call (never changed, handed on or rebound); None otherwise."""
    bindings = reading.bindings.get(name, [])
    if len(bindings) != 1 or name in reading.imported or name in reading.mutations \
            or name in reading.global_in_functions or not _function_binding_free(reading, name):
        return None
    statement, plain = bindings[0]
    if not (plain and isinstance(statement, ast.Assign) and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name) and isinstance(statement.value, ast.Dict)):
        return None
    parents = _parents(reading)
    for node in reading.nodes:
        if isinstance(node, ast.Name) and node.id == name and node is not statement.targets[0] and not (
                isinstance(parents.get(id(node)), ast.keyword) and parents[id(node)].arg is None):
            return None
    return statement.value


def _option_value(reading: _Reading, node: ast.expr) -> bool:
    """A constant, or an option of parsed arguments (``SimpleNamespace(profile=args.profile)``: fairness round 40)."""
    return isinstance(node, ast.Constant) or isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
        and _parsed_arguments(reading, node.value.id)


#: The methods of an ``argparse.ArgumentParser`` that declare its options and parse them.
PARSER_METHODS = frozenset({"add_argument", "set_defaults", "parse_args", "parse_known_args"})
#: What argparse's and optparse's parsers are called to parse with: given a namespace (argparse) or values (optparse),
#: they set attributes on it by the names their options give.
NAMESPACE_PARSERS = frozenset({"parse_args", "parse_known_args", "parse_intermixed_args",
                               "parse_known_intermixed_args"})
#: The converters an option may name as its ``type=`` (Python's own, never rebound): what they give is plain data.
OPTION_TYPES = frozenset({"int", "float", "str", "bool"})


def _parsed_arguments(reading: _Reading, name: str) -> bool:
    """Whether ``name`` is bound, at module level and only there, to what a plain parser's ``parse_args(...)``
    gives (or the first of ``parse_known_args(...)``), and is never changed: its attributes are then the parsed
    options, strings, numbers and the constants declared (``args.profile`` of ``add_argument("--profile",
    action="store_true")``: fairness rounds 36, 37 and 40 were refused, as the names of evaluators)."""
    key = ("parsed", name)
    if key not in reading.memo:
        bindings = reading.bindings.get(name, [])
        reading.memo[key] = bool(bindings) and name not in reading.imported and name not in reading.mutations \
            and name not in reading.global_in_functions and _function_binding_free(reading, name) and all(
                plain and _parse_of_plain_parser(reading, statement, name) for statement, plain in bindings)
    return reading.memo[key]


def _function_binding_free(reading: _Reading, name: str) -> bool:
    """No function of the submission binds ``name`` as its own (its reads there are the module-level one's)."""
    return not any(isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store)
                   and _function_binding(reading, n) is not None for n in reading.nodes)


def _parse_of_plain_parser(reading: _Reading, statement: ast.AST, name: str) -> bool:
    """``args = parser.parse_args([])``, ``args = parser.parse_known_args()[0]``, ``args, _ =
    parser.parse_known_args()``, of a parser :func:`_plain_parser` accepts."""
    if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1):
        return False
    target, value = statement.targets[0], statement.value
    if isinstance(target, ast.Tuple) and len(target.elts) == 2 and isinstance(target.elts[0], ast.Name) \
            and target.elts[0].id == name and isinstance(target.elts[1], ast.Name) and target.elts[1].id != name:
        method = "parse_known_args"
    elif isinstance(target, ast.Name) and target.id == name:
        method = "parse_args"
        if isinstance(value, ast.Subscript) and isinstance(value.slice, ast.Constant) and value.slice.value == 0:
            method, value = "parse_known_args", value.value
    else:
        return False
    return isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == method \
        and isinstance(value.func.value, ast.Name) and _plain_parser(reading, value.func.value.id)


def _plain_parser(reading: _Reading, name: str) -> bool:
    """Whether ``name`` is bound once, at module level, to ``argparse.ArgumentParser(...)`` of constants, and every
    other use of it calls one of :data:`PARSER_METHODS` with constants, :data:`OPTION_TYPES` and lists of
    constants only (no ``type=`` of the submission's, no ``action=`` class, no ``default=`` object)."""
    bindings = reading.bindings.get(name, [])
    if len(bindings) != 1 or name in reading.imported or name in reading.global_in_functions:
        return False
    statement, plain = bindings[0]
    if not (plain and isinstance(statement, ast.Assign) and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name) and isinstance(statement.value, ast.Call)
            and _resolved_once(reading, statement.value.func) == "argparse.ArgumentParser"
            and _constant_options(reading, statement.value)):
        return False
    parents = _parents(reading)
    for node in reading.nodes:
        if isinstance(node, ast.Name) and node.id == name and node is not statement.targets[0]:
            method, call = parents.get(id(node)), parents.get(id(parents.get(id(node))))
            if not (isinstance(method, ast.Attribute) and method.attr in PARSER_METHODS
                    and isinstance(call, ast.Call) and call.func is method and _constant_options(reading, call)):
                return False
    return True


def _constant_options(reading: _Reading, call: ast.Call) -> bool:
    """Every argument of ``call`` a constant, a list or tuple of constants, or a type of :data:`OPTION_TYPES`."""
    def plain(value: ast.expr) -> bool:
        if isinstance(value, (ast.List, ast.Tuple)):
            return len(value.elts) <= 256 and all(isinstance(e, ast.Constant) for e in value.elts)
        return isinstance(value, ast.Constant) or isinstance(value, ast.Name) and value.id in OPTION_TYPES \
            and value.id not in reading.bindings

    return all(k.arg is not None for k in call.keywords) and all(
        plain(v) for v in [*call.args, *(k.value for k in call.keywords)])


#: Classes whose instances hold the keyword arguments they are made with, and nothing else of their own
#: (``argparse.Namespace(profile=False)`` made by hand: fairness round 39).
PLAIN_NAMESPACES = frozenset({"types.SimpleNamespace", "argparse.Namespace"})


def _made_class(reading: _Reading, call: ast.Call) -> str | None:
    """The name of the submission's own class a new instance of which ``call`` returns, or None: ``Stopwatch()``;
    ``make_stopwatch()``, a module-level function of the submission's whose every ``return`` is such a call
    (``return Stopwatch()``); ``Stopwatch.named("x")``, a classmethod of that class whose every ``return`` is
    ``cls(...)`` or the class's call, or a staticmethod whose every ``return`` is one own class's call (fairness
    rounds 37 and 39: an instance made by a factory was refused).  A copy with fields changed,
    ``dataclasses.replace(flags, inspect=True)`` or ``flags._replace(timeit=True)``, is one too
    (:func:`_copied_instance`)."""
    func = call.func
    copied = _copied_instance(reading, call)
    if copied is not None:
        return copied or None
    if isinstance(func, ast.Name):
        if _own_class_name(reading, func):
            return func.id
        definition = _plain_module_function(reading, func)
        return None if definition is None else _returned_class(reading, definition, None)
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and _own_class_name(reading, func.value):
        owner = func.value.id
        methods = [m for cls in reading.classes if cls.name == owner for m in cls.body
                   if isinstance(m, ast.FunctionDef) and m.name == func.attr]
        if len(methods) != 1 or len([c for c in reading.classes if c.name == owner]) != 1:
            return None
        method = methods[0]
        decorators = method.decorator_list
        if not (len(decorators) == 1 and isinstance(decorators[0], ast.Name)
                and decorators[0].id in ("classmethod", "staticmethod") and decorators[0].id not in reading.bindings):
            return None
        if decorators[0].id == "staticmethod":  # a factory of the class's (fairness round 39)
            made = _returned_class(reading, method, None)
            return made if made is not None and made != _CLS else None
        if not method.args.args:
            return None
        made = _returned_class(reading, method, method.args.args[0].arg)
        return owner if made in (owner, _CLS) else None
    return None


def _copied_instance(reading: _Reading, call: ast.Call) -> str | None:
    """For a copy of an own instance with fields changed by keyword (``dataclasses.replace(flags, inspect=True)``,
    ``Flags()._replace(timeit=True)``, a NamedTuple's own method): the instance's class; "" for a copy of anything
    else; None when ``call`` is no such copy (fairness round 39: a remade instance of flags was refused)."""
    func = call.func
    source = _copy_source(reading, call)
    if source is None:
        return None
    if any(k.arg is None for k in call.keywords):
        return ""
    made = _made_class(reading, source) if isinstance(source, ast.Call) else \
        _instance_name_class(reading, source.id) if isinstance(source, ast.Name) else None
    if made is None or made == _CLS or (func.attr == "_replace" if isinstance(func, ast.Attribute) else False) \
            and "_replace" in reading.own_members.get(made, ()):
        return ""  # (a `_replace` of the submission's own may return anything)
    return made


def _instance_name_class(reading: _Reading, name: str) -> str | None:
    """The own class of the instance a module-level name holds: every binding a new instance of one class
    (:func:`_made_class`) or a copy of the name's own instance (``flags = dataclasses.replace(flags, ...)``), the
    name never changed; None otherwise."""
    visiting = reading.memo.setdefault("instance names visited", set())
    if name in visiting or name in reading.imported or name in reading.mutations \
            or name in reading.global_in_functions or not _function_binding_free(reading, name):
        return None
    visiting.add(name)
    try:
        classes = set()
        for statement, plain in reading.bindings.get(name, []):
            if not (plain and isinstance(statement, ast.Assign) and len(statement.targets) == 1
                    and isinstance(statement.targets[0], ast.Name) and isinstance(statement.value, ast.Call)):
                return None
            if _copied_instance_source(reading, statement.value) == name:
                continue  # a copy of itself: the class the other bindings give
            classes.add(_made_class(reading, statement.value))
        return classes.pop() if len(classes) == 1 and None not in classes else None
    finally:
        visiting.discard(name)


def _copied_instance_source(reading: _Reading, call: ast.Call) -> str | None:
    """The name a copy call (:func:`_copied_instance`) copies, when it copies a name's object."""
    source = _copy_source(reading, call)
    return source.id if isinstance(source, ast.Name) else None


def _copy_source(reading: _Reading, call: ast.Call) -> ast.expr | None:
    """What ``call`` copies, when it is ``source._replace(...)`` or ``dataclasses.replace(source, ...)`` (fields
    changed by keyword only); None for any other call."""
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr == "_replace" and not call.args:
        return func.value
    if _resolved_once(reading, func) == "dataclasses.replace" and len(call.args) == 1:
        return call.args[0]
    return None


#: Methods through which a class's call or an attribute read on its instance may give another object than the
#: class's own member (``__new__`` returning the timeit module made ``Stopwatch().timeit(...)`` timeit's).
INSTANCE_REDIRECTING_METHODS = frozenset({"__new__", "__getattribute__", "__class_getitem__", "__init_subclass__"})


def _instances_are_plain(reading: _Reading, name: str) -> bool:
    """Whether every class the submission names ``name`` makes instances whose attributes are its own members: none
    defines a method of :data:`INSTANCE_REDIRECTING_METHODS` or names a metaclass."""
    return all(not any(k.arg == "metaclass" for k in cls.keywords) and not any(
        isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Assign)) and (
            m.name if not isinstance(m, ast.Assign) else
            next((t.id for t in m.targets if isinstance(t, ast.Name)), "")) in INSTANCE_REDIRECTING_METHODS
        for m in cls.body) for cls in reading.classes if cls.name == name)


#: What :func:`_returned_class` answers for ``return cls(...)`` in a classmethod whose first parameter is ``cls``.
_CLS = "\0cls"


def _returned_class(reading: _Reading, function: ast.FunctionDef, cls: str | None) -> str | None:
    """The own class every ``return`` of ``function`` makes a new instance of (``return Stopwatch()``, or ``return
    cls(...)`` when ``cls`` names the classmethod's first parameter, answered as :data:`_CLS`), or None: another
    value, a bare ``return``, a generator, or a parameter ``cls`` the function rebinds."""
    returns, made = [], set()
    for node in _walk_scope_body(function):
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            return None
        if isinstance(node, ast.Return):
            returns.append(node)
        if cls is not None and isinstance(node, ast.Name) and node.id == cls and not isinstance(node.ctx, ast.Load):
            return None
    for node in returns:
        value = node.value
        if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Name)):
            return None
        if cls is not None and value.func.id == cls:
            made.add(_CLS)
        elif _own_class_name(reading, value.func):
            made.add(value.func.id)
        else:
            return None
    return made.pop() if len(made) == 1 else None


def _own_class_name(reading: _Reading, name: ast.Name) -> bool:
    """Whether ``name`` is the module's name of the submission's own class: every binding of it a class
    definition, and no function's local of the same spelling."""
    bindings = reading.bindings.get(name.id, [])
    return bool(bindings) and all(isinstance(statement, ast.ClassDef) for statement, _ in bindings) \
        and name.id not in reading.imported and _function_binding(reading, name) is None


def _through_styler(reading: _Reading, node: ast.expr) -> bool:
    """Whether ``node`` may be pandas' Styler or something reached from it: it names one (:func:`_mentions_styler`),
    or starts from a name the top level binds by a loop or a ``with`` (anything), or does not bind at all (a
    parameter or a local: anything).  A class's attribute set by its own code (``self.loader`` of a trainer of the
    student's: :attr:`_Reading.own_attributes`) is checked by the caller."""
    if _mentions_styler(reading, node):
        return True
    root = _root(node)[0] if isinstance(node, (ast.Name, ast.Attribute)) else None
    if root is None:
        return False
    bindings = reading.bindings.get(root, [])
    if not bindings:
        return root not in KNOWN_BUILTINS
    return any(isinstance(b, (ast.For, ast.AsyncFor, ast.With, ast.AsyncWith)) for b, _ in bindings)


def _mentions_styler(reading: _Reading, node: ast.expr, depth: int = 0) -> bool:
    """Whether ``node`` names pandas' Styler (``.style``, ``Styler``), itself or through a name the top level binds
    to an expression that does (a few bindings deep)."""
    for n in ast.walk(node):
        if (isinstance(n, ast.Attribute) and n.attr in STYLER_NAMES) or (isinstance(n, ast.Name) and (
                n.id in STYLER_NAMES or reading.imported.get(n.id, "").endswith(".Styler"))):
            return True
        if isinstance(n, ast.Name) and depth < 3 and any(
                isinstance(b, (ast.Assign, ast.AnnAssign)) and b.value is not None
                and _mentions_styler(reading, b.value, depth + 1) for b, _ in reading.bindings.get(n.id, [])):
            return True
    return False


def _unread_library(top: str) -> bool:
    """Whether an installed top-level module is a library outside :data:`STUDENT_LIBRARIES` and Python's own."""
    return top not in sys.stdlib_module_names and top not in STUDENT_LIBRARIES and top != "__main__"


def _plain_ipython(dotted: str, *, within: bool = False) -> bool:
    """Whether a dotted name of IPython is one of :data:`PLAIN_IPYTHON` or inside one; ``within``: also a part of
    one's path (``IPython.core`` in ``IPython.core.display.display``)."""
    return any(dotted == plain or dotted.startswith(plain + ".") or (within and plain.startswith(dotted + "."))
               for plain in PLAIN_IPYTHON if plain != "IPython") or dotted == "IPython"


def _torch_compiler_module(dotted: str) -> bool:
    """Whether an imported dotted name is a part of torch's compilers and code generators or its internals
    (``from torch.fx import Graph``, ``import torch.fx``, ``from torch._dynamo import ...``), as the attributes
    ``torch.fx`` and ``torch.jit`` are (:data:`TORCH_ONLY_ATTRIBUTES`): attack round 47 put its payload into the
    ``forward`` torch.fx writes for a graph, through a constant's ``repr``, with names imported from ``torch.fx``
    that no rule read.  ``torch.jit``'s readable parts (:data:`READABLE_JIT`) stay readable."""
    parts = dotted.split(".")
    if parts[0] != "torch" or len(parts) < 2:
        return False
    if parts[1] == "jit" and len(parts) == 3 and parts[2] in READABLE_JIT:
        return False
    if _type_alias(".".join(parts[:-1]), parts[-1]) or dotted in TYPE_ALIAS_MODULES:
        return False
    # a module's labels (`from torch import __version__`: fairness round 38) are no internals
    return any(part in TORCH_ONLY_ATTRIBUTES or (part.startswith("_") and part not in PLAIN_PRIVATE_NAMES
                                                 and part not in MODULE_LABELS)
               for part in parts[1:])


def _public_torch_part(dotted: str) -> bool:
    """Whether a dotted name of torch names public parts only (``torch.fx``, not ``torch._dynamo``), each of them a
    finding wherever an attribute chain reaches it."""
    return all(not part.startswith("_") for part in dotted.split(".")[1:])


def _is_text_timer(dotted: str | None) -> bool:
    """Whether a dotted name is one of :data:`TEXT_EVALUATING_MODULES` or one of their parts."""
    return bool(dotted) and any(dotted == module or dotted.startswith(module + ".")
                                for module in TEXT_EVALUATING_MODULES)


def _evaluates_text(module: str, name: str) -> bool:
    """Whether ``module.name`` evaluates a text as Python: pydantic beyond its plain models (``TypeAdapter("...")``,
    ``create_model`` evaluate a type given as text), SymPy's parsers (``sympify("...")`` runs ``eval``: attack round
    41)."""
    top = module.split(".")[0]
    if top == "pydantic":
        return not name.startswith("_") and name not in KNOWN_NAMES_ONLY["pydantic"]
    return top == "sympy" and name in SYMPY_EVALUATORS


def _names_of_types(reading: _Reading, annotation: ast.expr) -> bool:
    """Whether every name an annotation uses is bound only to what a type is written as (an import, a class, an
    alias such as ``Array = Union[torch.Tensor, np.ndarray]``): a name bound to a text made at run time is code that
    singledispatch, ``inspect.signature(eval_str=True)`` or pydantic evaluate (attack round 40)."""
    for name in (n.id for n in ast.walk(annotation) if isinstance(n, ast.Name)):
        for binding, _ in reading.bindings.get(name, []):
            if isinstance(binding, (ast.Assign, ast.AnnAssign)) and not (
                    binding.value is not None and (_plain_annotation(binding.value)
                                                   or _type_made(reading, binding.value))):
                return False
    return True


def _type_made(reading: _Reading, value: ast.expr) -> bool:
    """``NewType("ParamCount", int)``, ``TypeVar("T", int, float)``, ``namedtuple("HP", "lr epochs")``: a type made
    by typing's or collections' own functions from a constant name and types."""
    if not isinstance(value, ast.Call):
        return False
    maker = _resolved(reading, value.func)
    if maker in FIELD_NAME_MAKERS and all(_field_names(a) for a in [*value.args, *[k.value for k in value.keywords]]):
        return True
    return maker in TYPE_MAKERS and all(
        _plain_annotation(a) for a in [*value.args, *[k.value for k in value.keywords]])


def _field_names(node: ast.expr) -> bool:
    """A namedtuple's or a functional Enum's name, fields or members, or an option: constants only (a text of
    identifiers, a list or tuple of them, pairs of a name and a constant value, a dict of constants)."""
    if isinstance(node, ast.Constant):
        return not isinstance(node.value, str) or bool(FIELD_NAMES_TEXT.fullmatch(node.value))
    if isinstance(node, (ast.List, ast.Tuple)):
        return len(node.elts) <= 256 and all(_field_names(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return len(node.keys) <= 256 and all(k is not None and _field_names(k) and _field_names(v)
                                             for k, v in zip(node.keys, node.values))
    return isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant)


def _loads_what_it_saved(reading: _Reading, call: ast.Call, nodes: list[ast.AST]) -> bool:
    """``torch.load("cnn.pt", weights_only=False)`` of a file the submission wrote only with
    ``torch.save(model, "cnn.pt")``: the pickle holds its own objects, rebuilt by torch's code and its
    classes' (whose special methods rule 2 reads); a submission that writes files any other way may have
    written any pickle there."""
    path = call.args[0] if call.args else None
    if _resolved(reading, call.func) != "torch.load" or reading.writes or not (
            isinstance(path, ast.Constant) and isinstance(path.value, str)):
        return False
    return any(isinstance(n, ast.Call) and _resolved(reading, n.func) == "torch.save" and len(n.args) == 2
               and isinstance(n.args[1], ast.Constant) and n.args[1].value == path.value for n in nodes)


def _resolved(reading: _Reading, node: ast.AST) -> str | None:
    """The dotted name an imported name or attribute chain stands for (``np.load`` -> ``numpy.load``)."""
    if not isinstance(node, (ast.Name, ast.Attribute)):
        return None
    root, chain = _root(node)
    if root is None or root not in reading.imported:
        return None
    return reading.imported[root] + chain[len(root):]


def _resolved_once(reading: _Reading, node: ast.AST) -> str | None:
    """The dotted name of what ``node`` (``platform.system``, ``ABCMeta``) is, when its root name is bound
    once, by an import or a module alias; None otherwise (a name bound twice may be either)."""
    full = _resolved(reading, node)
    root = full and _root(node)[0]
    if full is None or root in reading.global_in_functions:
        return None
    bindings = reading.bindings.get(root, [])
    if len(bindings) != 1 and not (bindings and all(_imports_the_package(b, root) for b, _ in bindings)):
        return None
    return full


def _a_module_inside(reading: _Reading, node: ast.Attribute) -> bool:
    """Whether ``node`` (``nn.modules.module.warnings``) is, where the judge runs, a module reached through the
    namespaces of the modules its root names: read from their ``__dict__``, so no module code runs."""
    import sys
    import types

    root, chain = _root(node)
    module = sys.modules.get(reading.imported.get(root, "")) if root else None
    if module is None:
        return False
    value = module
    for part in chain.split(".")[1:]:
        value = vars(value).get(part) if isinstance(value, types.ModuleType) else None
        if value is None:
            # a submodule the judge has not loaded (`torch.utils.file_baton.warnings`: attack round 71): named like a
            # module of the standard library, it is taken for one
            return node.attr in sys.stdlib_module_names
    return isinstance(value, types.ModuleType)


def _names_listed(value: ast.AST | None) -> bool:
    """A list, tuple or set of text constants (``__constants__ = ["n_out"]``, TorchScript's idiom: fairness round
    53)."""
    return isinstance(value, (ast.List, ast.Tuple, ast.Set)) and all(
        isinstance(e, ast.Constant) and isinstance(e.value, str) for e in value.elts)


def _plain_hash_owner(reading: _Reading, owner: ast.AST) -> bool:
    """``object`` or ``torch.nn.Module``, whose ``__hash__`` is object's (``__hash__ = nn.Module.__hash__`` beside an
    ``__eq__``, which Python otherwise sets to None: fairness round 53)."""
    if isinstance(owner, ast.Name) and owner.id == "object":
        return "object" not in reading.bindings
    return _resolved(reading, owner) in ("torch.nn.Module", "torch.nn.modules.module.Module")


def _class_body_around(reading: _Reading, node: ast.AST) -> ast.ClassDef | None:
    """The class whose body is ``node``'s innermost scope (not a function, a lambda or a comprehension), or None."""
    parents = _parents(reading)
    parent = parents.get(id(node))
    while parent is not None:
        if isinstance(parent, ast.ClassDef):
            return parent
        if isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ListComp, ast.SetComp,
                               ast.GeneratorExp, ast.DictComp)):
            return None
        parent = parents.get(id(parent))
    return None


def _class_scoped(parents: dict[int, ast.AST], node: ast.AST) -> bool:
    """Whether ``node``'s innermost scope is a class body (not a function, a lambda or the module)."""
    parent = parents.get(id(node))
    while parent is not None:
        if isinstance(parent, ast.ClassDef):
            return True
        if isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            return False
        parent = parents.get(id(parent))
    return False


def _names_bound(statement: ast.Import | ast.ImportFrom, index: int) -> list[str] | None:
    """The names an import binds for its ``index``-th module (``import a.b`` binds ``a``; ``from m import x, y``,
    one module, both names), or None for a star import (any name)."""
    if any(alias.name == "*" for alias in statement.names):
        return None
    if isinstance(statement, ast.Import):
        alias = statement.names[index]
        return [alias.asname or alias.name.split(".")[0]]
    return [alias.asname or alias.name for alias in statement.names]


#: Names whose binding, in any form, changes what the bare names of code defined meanwhile are.
BUILTIN_TABLES = frozenset({"__builtins__", "__import__"})
#: Built-ins a submission may take from the ``builtins`` module by name (``sum = builtins.sum`` after
#: ``from numpy import *`` shadowed it: fairness round 82, ten points): functions of numbers and sequences that
#: call nothing of the submission's but what they are handed.
RESTORABLE_BUILTINS = frozenset({"sum", "max", "min", "abs", "round", "all", "any", "pow", "range", "len", "float",
                                 "int", "bool", "divmod", "sorted", "reversed", "zip", "enumerate", "list", "tuple",
                                 "print"})


def _restores_builtins(reading: _Reading, statement: ast.Import | ast.ImportFrom) -> bool:
    """Whether ``statement`` imports ``builtins`` only to take :data:`RESTORABLE_BUILTINS` back from it:
    ``from builtins import sum, max``, or ``import builtins`` (under one name, bound nowhere else) whose every read
    is ``builtins.sum`` read, never stored, handed on or looked up by a computed name."""
    if isinstance(statement, ast.ImportFrom):
        return statement.module == "builtins" and not statement.level and all(
            alias.name in RESTORABLE_BUILTINS for alias in statement.names)
    if len(statement.names) != 1 or statement.names[0].name != "builtins":
        return False
    name = statement.names[0].asname or "builtins"
    if len(reading.bindings.get(name, ())) > 1:
        return False
    parents = _parents(reading)
    for node in reading.nodes:
        if isinstance(node, ast.Name) and node.id == name:
            parent = parents.get(id(node))
            if not (isinstance(node.ctx, ast.Load) and isinstance(parent, ast.Attribute) and parent.value is node
                    and isinstance(parent.ctx, ast.Load) and parent.attr in RESTORABLE_BUILTINS):
                return False
        elif node is not statement.names[0] and name in _identifiers_of(node):
            return False  # (spelled otherwise: a parameter, a global statement, a text `sys.modules["builtins"]`)
    return True


def _flag_after_reading(reading: _Reading) -> None:
    """The findings that need every unit read first (bindings, parents, functions of every name)."""
    parents = _parents(reading)
    for name in sorted(BUILTIN_TABLES & _names_bound_or_read(reading.nodes, bound=True)):
        # a function takes its built-ins from `__builtins__` as it is made: bound by an import's `as`, a parameter,
        # `except ... as` or a pattern, it makes the bare names of code defined meanwhile another module's
        # (attack round 72: `import torch as __builtins__`, then `convolution(...)`, then builtins back)
        reading.unreadable.append(Finding("unverifiable", f"{name} bound (the built-in names of the code defined "
                                                          "while it is are another object's)"))
    for statement in reading.nodes:
        if isinstance(statement, (ast.Import, ast.ImportFrom)) and _class_scoped(parents, statement):
            # a module imported in a class body is an attribute of the class (`_Lib.core.exec`, `self._where
            # .stack(0)`), where no rule resolves it to the module (attack round 70: builtins, pickle, inspect and
            # warnings so)
            names = ", ".join(a.name for a in statement.names)
            module = f"from {statement.module or '.'} import {names}" if isinstance(statement, ast.ImportFrom) \
                else f"import {names}"
            # (what it binds, a module or a function or a class, is told as such: fairness round 85's `from math
            # import floor` was told a module became an attribute)
            bound = "the module becomes" if isinstance(statement, ast.Import) else "what it imports becomes"
            reading.unreadable.append(Finding("unverifiable", f"{module} in a class body ({bound} an attribute of "
                                                              "the class, out of the reader's sight; import it at "
                                                              "the top of the cell)"))
    if reading.inert_imports:
        # a debugger, profiler or timer imported and never used (fairness round 49: a leftover `import pdb` cost
        # 10 points) runs nothing: its module runs no code of the submission's as it loads, and a name it binds
        # is reached only by a read the reader sees, or by a namespace, eval or sys.modules, findings of their own
        read = {n.id for n in reading.nodes if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)} | {
            name for n in reading.nodes if isinstance(n, (ast.Global, ast.Nonlocal)) for name in n.names}
        handed_out = _namespace_written(reading)  # (`globals()["pdb"]`: a namespace that hands out its values)
        reading.unreadable += [finding for bound, finding, statement in reading.inert_imports
                               if handed_out or read & set(bound) and not _restores_builtins(reading, statement)]
    read_only = _namespace_reads(reading)
    shown_at_load = False
    for name in reading.namespace_uses:
        how = read_only.get(id(name))
        if how == NAMESPACE_SHOWN:
            # showing a namespace runs every value's own text (a __repr__, an nn.Module's extra_repr): code no name
            # leads to, where the judged code calls a function showing one (attack rounds 64 and 65: str(globals())
            # in forward ran a gate reading a caller's file); at the top level it shows the notebook's names as it
            # loads (fairness rounds 49 and 50)
            if _functions_of_nodes(reading).get(id(name)) is not None:
                reading.reach_only.append((name, Finding("unverifiable", f"{name.id}() shown (every value's own "
                                                                         "text runs where nothing names it)")))
            else:
                shown_at_load = True
        elif how is None:
            # globals().update(...) binds names out of the reader's sight, but holds nothing of the worker's
            reading.unreadable.append(Finding("unverifiable", name.id, hides_from_models=False))
    if shown_at_load:
        # a namespace shown as the notebook loads runs the own text of every object in it: what hides from a model
        # where the model reaches it (a stacklevel reading the worker's file) counts there for every model (attack
        # round 66: print(globals()) ran a __repr__ gate as the file loaded, and forward read its verdict)
        methods = {id(m) for cls in reading.classes for m in cls.body
                   if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef)) and m.name in SHOWING_METHODS}
        for node, finding in reading.reach_only:
            if finding.hides_from_models and _inside(reading, node, methods):
                reading.unreadable.append(Finding(finding.kind, f"{finding.what}, in an object's own text shown "
                                                                "as the file loads", hides_from_by_hand=False))
    for call in reading.printing_calls:
        if not all(_print_option_value(reading, a) for a in [*call.args, *(k.value for k in call.keywords)]):
            # torch compares and formats its print options while it prints a tensor, every dispatch mode set aside:
            # an object there runs what it likes unseen by the by-hand trace (attack rounds 60 and 62); a model's
            # recorders are function modes, which printing keeps
            reading.unreadable.append(Finding("unverifiable", "torch.set_printoptions given an object (torch runs "
                                                              "it as it prints)", hides_from_models=False))


#: The methods that write an object's text when it is shown (an nn.Module's repr calls its extra_repr).
SHOWING_METHODS = frozenset({"__repr__", "__str__", "__format__", "extra_repr", "_repr_html_", "_repr_pretty_"})


def _inside(reading: _Reading, node: ast.AST, functions: set[int]) -> bool:
    """Whether ``node`` lies in one of ``functions`` (by id), however deep."""
    owners = _functions_of_nodes(reading)
    owner = owners.get(id(node))
    while owner is not None:
        if id(owner) in functions:
            return True
        owner = owners.get(id(owner))
    return False



NAMESPACE_TESTED, NAMESPACE_SHOWN = "tested", "shown"


def _namespace_reads(reading: _Reading) -> dict[int, str]:
    """:func:`_namespace_only_read` of every namespace use, memoised per reading."""
    if "namespace reads" not in reading.memo:
        reading.memo["namespace reads"] = _namespace_only_read(reading, reading.namespace_uses)
    return reading.memo["namespace reads"]


def _namespace_written(reading: _Reading) -> bool:
    """Whether a namespace is used other than tested or shown (``globals()["LEVEL"] = 9``): a module-level name may
    then hold what no binding the reader sees gave it (attack round 65)."""
    reads = _namespace_reads(reading)
    return any(id(name) not in reads for name in reading.namespace_uses)


def _namespace_only_read(reading: _Reading, names: list[ast.Name]) -> dict[int, str]:
    """The ``globals``/``locals``/``vars`` names (Python's own) whose call's result is only tested for membership
    (``'__file__' in globals()``) or shown (``print(vars(args))``, ``pprint.pprint(locals())``): a truth value, or
    text printed, escapes; nothing is bound or handed out (fairness round 49: each cost q6's by-hand part)."""
    parents = _parents(reading)
    found: dict[int, str] = {}
    for func in names:
        call = parents.get(id(func))
        if not (isinstance(call, ast.Call) and call.func is func and _the_builtin(reading, func)) \
                or call.keywords or any(isinstance(a, ast.Starred) for a in call.args):
            continue
        parent = parents.get(id(call))
        if isinstance(parent, ast.Compare) and call in parent.comparators \
                and all(isinstance(op, (ast.In, ast.NotIn)) for op in parent.ops):
            found[id(func)] = NAMESPACE_TESTED
        elif _only_its_names(reading, parents, call):
            found[id(func)] = NAMESPACE_TESTED  # its names, text the namespace's own writes gave it
        elif isinstance(parent, ast.Call) and parent.args == [call] and not parent.keywords \
                and isinstance(parent.func, ast.Name) and parent.func.id == "len" and _the_builtin(reading, parent.func):
            found[id(func)] = NAMESPACE_TESTED  # a count of names
        elif isinstance(parent, ast.Call) and call in parent.args and not parent.keywords and (
                isinstance(parent.func, ast.Name) and parent.func.id in SHOWING_BUILTINS
                and _the_builtin(reading, parent.func)
                or _resolved(reading, parent.func) in ("pprint.pprint", "pprint.pformat", "pprint.pp")):
            found[id(func)] = NAMESPACE_SHOWN  # every value's text: read by :func:`_flag_after_reading`
    return found


#: Python's functions that, given a mapping, make a collection of its keys alone.
KEY_COLLECTIONS = frozenset({"sorted", "list", "set", "frozenset", "tuple"})


def _only_its_names(reading: _Reading, parents: dict[int, ast.AST], call: ast.Call) -> bool:
    """Whether only the names of the namespace ``call`` makes are read: iterated (``[n for n in globals() if
    ...]``, ``for name in vars(cfg)``), collected (``sorted(globals())``), or its ``.keys()`` view iterated,
    collected or shown (fairness round 50).  A namespace's names are text (one that is not was written into it
    through a namespace, which is a finding of its own); no value is handed out.  A ``.keys()`` view kept or handed
    on is not: its ``mapping`` is the namespace."""
    node, parent = call, parents.get(id(call))
    if isinstance(parent, ast.Attribute) and parent.attr == "keys" and parent.value is call:
        method_call = parents.get(id(parent))
        if not (isinstance(method_call, ast.Call) and method_call.func is parent and not method_call.args
                and not method_call.keywords):
            return False
        node, parent = method_call, parents.get(id(method_call))
        if isinstance(parent, ast.Call) and parent.args == [node] and not parent.keywords \
                and isinstance(parent.func, ast.Name) and parent.func.id in SHOWING_BUILTINS \
                and _the_builtin(reading, parent.func):
            return True  # print(globals().keys()): dict_keys([...]), the names' text
    if isinstance(parent, (ast.For, ast.AsyncFor, ast.comprehension)) and parent.iter is node:
        return True
    return isinstance(parent, ast.Call) and parent.args == [node] and not parent.keywords \
        and isinstance(parent.func, ast.Name) and parent.func.id in KEY_COLLECTIONS and _the_builtin(reading, parent.func)


def _imports_the_package(statement: ast.AST, name: str) -> bool:
    """Whether ``statement`` binds ``name`` to the top-level package of that name: ``import logging``, ``import
    logging.handlers`` (two cells doing either bind the one module: fairness round 49)."""
    return isinstance(statement, ast.Import) and any(
        alias.asname is None and alias.name.split(".")[0] == name for alias in statement.names) and not any(
        alias.asname == name for alias in statement.names)


def _is_module(reading: _Reading, name: str) -> bool:
    """Whether an imported name is a module: ``import torch``, or (``from torch import nn``, ``_F = torch.nn.
    functional``) a module the judge itself has imported; any other name counts as not a module."""
    import sys
    import types

    if any(isinstance(b, ast.Import) for b, _ in reading.bindings.get(name, [])):
        return True
    dotted = reading.imported[name]
    parent, _, child = dotted.rpartition(".")
    if parent in sys.modules and hasattr(sys.modules[parent], child):
        # `from torch.autograd import gradcheck` binds the package's attribute, the function, though a submodule of
        # that name is loaded too (fairness round 48)
        return isinstance(getattr(sys.modules[parent], child), types.ModuleType)
    return dotted in sys.modules


def _method_self_names(nodes: list[ast.AST]) -> dict[int, ast.ClassDef]:
    """The ``self``/``cls`` names that are a method's own first parameter (a ``self`` parameter of a
    module-level helper can be anything), each with the class whose method it is in."""
    own: dict[int, ast.ClassDef] = {}
    for node in nodes:
        if isinstance(node, ast.ClassDef):
            for method in node.body:
                if isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)) and method.args.args \
                        and method.args.args[0].arg in ("self", "cls"):
                    first = method.args.args[0].arg
                    todo = list(method.body)
                    while todo:  # the method and the closures in it, not a nested function's own `self`
                        current = todo.pop()
                        if isinstance(current, ast.Name) and current.id == first:
                            own[id(current)] = node
                        elif isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) and first in {
                                a.arg for a in current.args.posonlyargs + current.args.args + current.args.kwonlyargs
                                + [current.args.vararg, current.args.kwarg] if a is not None}:
                            continue
                        todo.extend(ast.iter_child_nodes(current))
    return own


#: Special methods that compare or combine their instance with another of (usually) the same class.
COMPARING_DUNDERS = frozenset({"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__add__", "__sub__",
                               "__mul__", "__and__", "__or__", "__radd__", "__rsub__", "__rmul__"})


def _compared_instance_names(nodes: list[ast.AST]) -> dict[int, ast.ClassDef]:
    """The names of the other operand of a class's comparing special method (``other`` in ``def __eq__(self,
    other)``), each with its class."""
    found: dict[int, ast.ClassDef] = {}
    for node in nodes:
        if isinstance(node, ast.ClassDef):
            for method in node.body:
                if isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)) and method.name in COMPARING_DUNDERS \
                        and len(method.args.args) == 2:
                    other = method.args.args[1].arg
                    found.update((id(n), node) for st in method.body for n in _walk_scope(st)
                                 if isinstance(n, ast.Name) and n.id == other)
    return found


def _compared_private(node: ast.Attribute, compared: dict[int, ast.ClassDef]) -> bool:
    """``other._key`` in ``__eq__``: a private attribute the class itself sets on its instances (``self._key =``), read
    on the other operand (fairness round 62: a cache key class, -10); not one the class never sets (``other._C``,
    torch's, on whatever was compared)."""
    cls = compared.get(id(node.value)) if isinstance(node.value, ast.Name) else None
    if cls is None or not _a_private_name_torch_never_reads(node.attr):
        return False
    return any(isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Store) and n.attr == node.attr
               and isinstance(n.value, ast.Name) and n.value.id == "self" for n in ast.walk(cls)) or any(
        isinstance(st, (ast.Assign, ast.AnnAssign)) and node.attr in _names_bound_by(st) for st in cls.body) or any(
        isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)) and st.name == node.attr for st in cls.body)


#: The binary operations whose special methods Python calls with the other operand (``a + b``; ``sum`` adds so).
BINARY_OPERATIONS = ("add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "divmod", "pow", "lshift",
                     "rshift", "and", "xor", "or")
#: Special methods Python calls with an object that no call the reader sees hands them: the other operand of an
#: operator or a comparison (``a < b``, ``a + b``, ``x in a``, ``a[k]``), what a built-in or a container's method
#: compares, adds, rounds or checks (min, max, sorted, sum, set, round, isinstance, list.sort, list.index, bisect),
#: a descriptor's instance and value, an exception leaving a ``with``, torch's and numpy's dispatch.  (Not
#: ``__set_name__``: Python hands it the class being made and a text.)
OPERAND_DUNDERS = frozenset(
    {f"__{op}__" for op in BINARY_OPERATIONS} | {f"__r{op}__" for op in BINARY_OPERATIONS}
    | {f"__i{op}__" for op in BINARY_OPERATIONS}
    | {"__lt__", "__le__", "__gt__", "__ge__", "__eq__", "__ne__", "__contains__", "__getitem__", "__missing__",
       "__round__", "__format__", "__instancecheck__", "__subclasscheck__", "__get__", "__set__", "__delete__",
       "__exit__", "__aexit__", "__torch_function__", "__torch_dispatch__", "__array_ufunc__", "__array_function__"})
#: In-place operators' special methods (``a += b``), and a descriptor's setting ones (``obj.attr = v``): what they
#: keep on their instance is what the statement that calls them shows.
IN_PLACE_DUNDERS = frozenset({f"__i{op}__" for op in BINARY_OPERATIONS} | {"__set__", "__delete__"})
#: Python's own classes, whose methods called through the class change their first argument
#: (``object.__setattr__(obj, name, value)``).
BUILTIN_CLASS_NAMES = frozenset({"object", "type", "dict", "list", "set", "bytearray"})
#: What makes a class from a namespace of members, as a ``class`` statement does.
CLASS_MAKERS = frozenset({"type", "types.new_class"})
#: Decorators a special method may carry and stay the def it is.
PLAIN_METHOD_DECORATORS = frozenset({"staticmethod", "classmethod"})
#: Built-ins whose result is a new int or bool, whatever they are given (not ``str``, ``float``, ``abs``, ``round``:
#: a class's ``__str__``, ``__float__``, ``__abs__`` may hand back an object of its own, attack round 101).
EXACT_VALUE_BUILTINS = frozenset({"len", "hash", "id", "isinstance", "issubclass", "callable", "hasattr", "bool",
                                  "range"})  # (`range(len(result))`: ints, fairness round 75)
#: Built-ins whose result is a number or a tensor unless a class of the submission's defines what they call (attack
#: round 101: a wrapper's own ``__abs__`` handing back the operand it holds).
NUMBER_BUILTINS = {"abs": frozenset({"__abs__"}), "round": frozenset({"__round__"}),
                   "float": frozenset({"__float__", "__index__"}),
                   "int": frozenset({"__int__", "__index__", "__trunc__"})}
#: A tensor's methods that hand back a Python number (unless a class of the submission's defines one).
NUMBER_METHODS = frozenset({"item", "numel", "dim", "ndimension", "nelement", "element_size"})
#: Modules none of whose objects has such a method handing back an object it holds: torch's tensors hold numbers
#: only.  (numpy's and pandas' arrays of objects hand back what they hold: `np.empty((), dtype=object)`, attack round
#: 116; and libraries built on them.)
NUMBERS_ONLY_MODULES = frozenset({"torch", "math", "cmath", "random", "itertools", "functools", "collections", "typing",
                                  "dataclasses", "abc", "operator", "time", "copy", "enum", "warnings", "statistics",
                                  "fractions", "decimal", "numbers", "string", "re", "textwrap", "pprint"})


def _a_tensor_made_here(reading: _Reading, value: ast.AST) -> bool:
    """Whether ``value`` indexes (or is) a function's local bound only to what torch's functions make
    (``x = torch.zeros(...)``, ``x = F.pad(image, ...)``; ``x[i, j]``): a tensor, whose ``.item()`` is a number
    (fairness round 74's ``x[i * stride + a, j * stride + b].item()``, where numpy is imported too)."""
    while isinstance(value, ast.Subscript):
        value = value.value
    return isinstance(value, ast.Name) and isinstance(_local_scope_of(reading, value), (
        ast.FunctionDef, ast.AsyncFunctionDef)) and _bound_only_to(reading, value, lambda r, v: isinstance(
            v, ast.Call) and (_resolved(r, v.func) or "").startswith("torch.") and not any(
            isinstance(a, ast.Starred) for a in v.args))


def _makes_no_object_arrays(reading: _Reading) -> bool:
    """Whether the submission imports nothing but :data:`NUMBERS_ONLY_MODULES`: where it does, ``x.item()`` may be
    an object an array holds, not a number."""
    return all(path.split(".")[0] in NUMBERS_ONLY_MODULES for path in reading.imported.values())
#: Built-ins a special method may hand its operands to: they keep none of them (what they hand back may be one,
#: and counts as one; what they call of an operand is its class's own code, judged where it is defined).
PURE_BUILTINS = EXACT_VALUE_BUILTINS | frozenset({
    "abs", "float", "int", "complex", "str", "repr", "format", "tuple", "list", "round", "min", "max", "sum", "all",
    "any", "zip", "range", "enumerate", "sorted", "reversed", "type", "divmod", "pow", "iter", "frozenset", "set",
    "dict", "print", "next", "map", "filter", "slice"})
#: Functions a special method may hand its operands to, by their dotted names' beginnings: they keep none of them
#: (fairness rounds 70 and 71: torch's comparisons and arithmetic, math, Fraction, Decimal, Counter,
#: dataclasses.replace, itertools, a traceback printed).  Not numpy's or torch's settings and registries, which do
#: (`numpy.seterrcall`, `torch.compiler.allow_in_graph`: attack round 101).  (The functions some of them call are
#: read: :data:`FUNCTION_TAKERS`.)
PURE_FUNCTIONS = tuple(f"torch.{name}" for name in (
    "allclose", "equal", "isclose", "eq", "ne", "lt", "le", "gt", "ge", "add", "sub", "mul", "div", "matmul", "mm",
    "dot", "stack", "cat", "tensor", "as_tensor", "zeros_like", "ones_like", "full_like", "where", "maximum",
    "minimum", "abs", "sum", "max", "min", "clone", "flatten", "reshape", "numel", "is_tensor", "einsum", "round",
    "floor", "ceil", "sqrt", "exp", "log", "tanh", "sigmoid", "relu", "zeros", "ones", "full", "arange")) + (
    "math.", "cmath.", "fractions.Fraction", "decimal.Decimal", "statistics.", "itertools.", "copy.copy",
    "copy.deepcopy", "dataclasses.replace", "dataclasses.astuple", "dataclasses.asdict", "dataclasses.fields",
    "dataclasses.is_dataclass", "collections.Counter", "collections.OrderedDict", "traceback.format_",
    "traceback.print_", "functools.reduce", "functools.cmp_to_key") + tuple(f"numpy.{name}" for name in (
    "asarray", "array", "allclose", "isclose", "array_equal", "add", "subtract", "multiply", "divide", "dot", "matmul",
    "sum", "maximum", "minimum", "abs", "where", "stack", "concatenate", "zeros_like", "ones_like", "einsum", "round",
    "floor", "sqrt", "exp", "log", "pad", "zeros", "ones")) + tuple(f"operator.{name}" for name in (
    "add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "neg", "pos", "abs", "eq", "ne", "lt", "le", "gt", "ge",
    "and_", "or_", "xor", "not_", "truth", "contains", "getitem", "itemgetter", "attrgetter", "matmul", "index",
    "is_", "is_not"))
#: The functions that call a function they are given, by where it is given (positional index, or keyword).
FUNCTION_TAKERS = {"map": 0, "filter": 0, "functools.reduce": 0, "itertools.starmap": 0, "itertools.accumulate": 1,
                   "itertools.filterfalse": 0, "itertools.takewhile": 0, "itertools.dropwhile": 0,
                   "itertools.groupby": 1, "functools.cmp_to_key": 0}  # (groupby's key by position or keyword:
# attack round 104)
#: Methods of numbers, texts, tuples and tensors that read their object and arguments into a new value (what they
#: hand back counts as holding what they were given).
PURE_METHODS = frozenset({
    "allclose", "equal", "eq", "ne", "lt", "le", "gt", "ge", "isclose", "all", "any", "dot", "matmul", "mul", "sub",
    "div", "count", "index", "get", "keys", "values", "items", "startswith", "endswith", "lower", "upper", "strip",
    "split", "join", "format", "conjugate", "is_integer", "bit_length", "t", "expand", "indices", "quantize",
    "scaleb", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__add__", "__radd__", "__sub__", "__mul__",
    "__rmul__", "__hash__"})
#: Methods of Python's containers, queues and generators that put into their object what they are given (and
#: torch's in-place methods, ``add_``: any name ending in one underscore).
CHANGING_METHOD_NAMES = MUTATING_METHODS | frozenset({
    "extend", "extendleft", "insert", "remove", "pop", "sort", "reverse", "discard", "send", "throw", "put",
    "put_nowait", "write", "writelines", "intersection_update", "difference_update", "symmetric_difference_update",
    "rotate", "set", "setdefault", "fromkeys", "__setitem__", "__setattr__", "__iadd__", "__ior__", "__delitem__",
    "register", "add_module", "register_buffer", "register_parameter", "append", "update", "add"})
#: Methods that hand back a new object made of theirs (a list's, a dict's, a named tuple's copy).
COPYING_METHODS = frozenset({"copy", "_replace", "_asdict", "clone", "detach"})
#: How deep the reader follows the submission's helpers an operand is handed to inside such a special method.
MAX_OPERAND_HELPERS = 4


#: What ``functools.wraps`` copies by default: names, never a member Python calls.
WRAPPER_ATTRIBUTES = frozenset({"__module__", "__name__", "__qualname__", "__doc__", "__annotations__",
                                "__type_params__", "__dict__", "__wrapped__"})


#: A name as Python mangles a class's private one (``_Acc__ZERO``, what ``__ZERO`` in class Acc reads).
MANGLED_NAME = re.compile(r"_[A-Za-z0-9]\w*__\w+")


def _captures_rebinding(reading: _Reading) -> list[Finding]:
    """A ``match`` case capturing a built-in's name or a mangled one: the proofs of what a built-in is, or of what a
    class's private name holds, read the other bindings (attack round 116: ``case float:`` shadowing the built-in a
    default reads, ``case _Acc__ZERO:`` rebinding what a class's ``__ZERO`` reads).  It hides nothing from the
    models: their checks run the model."""
    rebinding = sorted(name for name in _captured_names(reading)
                       if hasattr(builtins, name) or MANGLED_NAME.fullmatch(name))
    return [Finding("unverifiable", f"case {name} (a capture of a built-in's or a class's private name)",
                    hides_from_models=False) for name in rebinding[:1]]


def _captured_names(reading: _Reading) -> set[str]:
    """The names a ``match`` case captures anywhere (``case M:``, ``case [*rest]``, ``case {**rest}``), which the
    proofs reading a name's uses take for bindings they do not follow (attack round 116: ``case M:`` rebinding a
    module's list of numbers to ``[KEEP]``).  Memoised per reading."""
    found = reading.memo.get("captured_names")
    if found is None:
        found = reading.memo["captured_names"] = {
            name for n in reading.nodes if isinstance(n, (ast.MatchAs, ast.MatchStar, ast.MatchMapping))
            for name in _identifiers_of(n)}
    return found


def _operand_keepers(reading: _Reading) -> list[Finding]:
    """Rule 2: a special method of :data:`OPERAND_DUNDERS` that keeps an operand Python hands it on its instance, or
    changes an operand, or hands an operand to code the reader cannot tell keeps nothing (:func:`_keeps_an_operand`);
    a special method bound in a class body otherwise than by a plain ``def`` or assignment, or decorated; also a
    member made by ``type(name, bases, namespace)`` and a comparison handed to ``functools.cmp_to_key``.

    What it is handed cannot be read: no call the reader sees hands it anything, whatever an operator, ``min``,
    ``sorted``, ``sum``, ``set``, ``in`` or ``list.sort`` compares (attack round 99: ``min(F.conv2d, BOX)`` with a
    ``__lt__`` keeping ``other`` as ``self.fn``, conv2d calling ``BOX.fn``; ``BOX < F.conv2d``, ``BOX + F.conv2d``,
    ``F.conv2d in BOX``, ``L.sort()`` of ``[F.conv2d, BOX]``; attack round 100: the same special methods bound by
    ``if``, ``for``, ``with``, ``match``, a walrus or a swapping decorator, storing through closures, local classes,
    generators' ``send``, ``getattr`` and ``super()``).  A class's honest comparisons and additions read their
    operands and make a new value.  It costs the by-hand part only: a model's behaviour is checked by running it."""
    found: list[Finding] = []

    def judge(member: ast.AST | None, where: str, method: bool, cls: ast.ClassDef | None = None) -> None:
        if member is None:
            found.append(Finding("unverifiable", f"{where}, a member the grader cannot read", hides_from_models=False))
            return
        how = _keeps_an_operand(reading, member, method=method, depth=0)
        if how is not None:
            # (an instance's own data is read as its own only in a class nothing hands out: say what hands this one
            # out, which may be anywhere in the notebook, far from the method: fairness round 86)
            why = _why_not_kept(reading, cls) if cls is not None and how.endswith("on its instance") else None
            found.append(Finding("unverifiable", f"{where}, which {how}: what Python hands it (an operand of `<`, `+`,"
                                                 " `==`, `in`, min, sorted, sum...) cannot be read" + (
                                                     f"; an instance's data is its own only in a class nothing hands "
                                                     f"out, and here {why}" if why else ""),
                                 hides_from_models=False))

    for cls in reading.classes:
        for statement in cls.body:
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if statement.name not in OPERAND_DUNDERS:
                    continue
                where = f"the special method {cls.name}.{statement.name}"
                if any(not _a_plain_method_decorator(reading, d) for d in statement.decorator_list):
                    judge(None, f"{where} (decorated)", True)  # (a decorator may hand back another function)
                else:
                    judge(statement, where, not _a_static_method(statement), cls)
            elif isinstance(statement, (ast.Assign, ast.AnnAssign)) and statement.value is not None \
                    and all(isinstance(t, ast.Name) for t in (
                        statement.targets if isinstance(statement, ast.Assign) else [statement.target])):
                for name in sorted(set(_names_bound_by(statement)) & OPERAND_DUNDERS):
                    for member in _members_given(reading, statement.value, cls):
                        judge(member, f"the special method {cls.name}.{name}", True, cls)
            elif not isinstance(statement, ast.ClassDef):
                # bound by `if`, `try`, `for`, `with`, `match`, a walrus, an import...: which binding is in force
                # when Python looks the method up is the reader's guess
                bound = {n.id for n in _walk_scope(statement) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
                bound |= {n.name for n in ast.walk(statement) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
                bound |= {n.name for n in _walk_scope(statement) if isinstance(n, (ast.MatchAs, ast.MatchStar))
                          and n.name} | {a.asname or a.name for n in _walk_scope(statement)
                                         if isinstance(n, (ast.Import, ast.ImportFrom)) for a in n.names}
                how = {ast.Assign: "an unpacking", ast.AnnAssign: "an annotated unpacking", ast.Expr: "a walrus",
                       ast.Import: "an import", ast.ImportFrom: "an import"}.get(
                    type(statement), f"`{type(statement).__name__.lower().replace('asyncfor', 'async for')}`")
                for name in sorted(bound & OPERAND_DUNDERS):
                    judge(None, f"the special method {cls.name}.{name} (bound in its class by {how})", True)
    for node in reading.nodes:
        if not isinstance(node, ast.Call):
            continue
        made = _resolved(reading, node.func) or (node.func.id if isinstance(node.func, ast.Name)
                                                 and node.func.id not in reading.bindings else "")
        if any(isinstance(a, ast.Starred) for a in node.args):
            if made in CLASS_MAKERS or made == "types.new_class":  # (`type(*ARGS)`: attack round 104)
                found.append(Finding("unverifiable", f"{made}(*...) (a class whose members the grader cannot list)",
                                     hides_from_models=False))
            elif made in ("functools.update_wrapper", "functools.wraps"):  # (`update_wrapper(T, *ARGS)`: round 134)
                found.append(Finding("unverifiable", f"{made}(*...) copying members the grader cannot read",
                                     hides_from_models=False))
            continue
        if len(node.args) == 3 and isinstance(node.args[2], ast.Dict) and made not in CLASS_MAKERS:
            # a namespace handed to a metaclass of any name (`Meta("Box", (), {...})`, `abc.ABCMeta(...)`, `Maker =
            # type`: attack round 104): its special methods are judged as a class body's
            for key, value in zip(node.args[2].keys, node.args[2].values):
                if isinstance(key, ast.Constant) and key.value in OPERAND_DUNDERS:
                    for member in _members_given(reading, value):
                        judge(member, f"the special method {key.value} of a class a call makes", True)
        if made in CLASS_MAKERS and len(node.args) == 3 or made == "types.new_class":
            namespace = node.args[2] if len(node.args) == 3 else None
            if not isinstance(namespace, ast.Dict) or None in namespace.keys:
                if made == "type":
                    found.append(Finding("unverifiable", "type(name, bases, namespace) with members the grader "
                                                         "cannot list", hides_from_models=False))
                continue
            for key, value in zip(namespace.keys, namespace.values):
                if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                    found.append(Finding("unverifiable", "type(name, bases, namespace) with a computed member name",
                                         hides_from_models=False))
                elif key.value in OPERAND_DUNDERS:
                    for member in _members_given(reading, value):
                        judge(member, f"the special method {key.value} of a class made by type()", True)
        elif made in ("functools.update_wrapper", "functools.wraps") and (
                # (positional `assigned`/`updated`, or unpacked: `update_wrapper(torch.no_grad, Src, ('__call__',),
                # ())` replaced a member of torch's class, attack round 134)
                len(node.args) > (2 if made == "functools.update_wrapper" else 1)
                or any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords)) \
                or made in ("functools.update_wrapper", "functools.wraps") and any(
                k.arg in ("assigned", "updated") and not (
                    isinstance(k.value, (ast.Tuple, ast.List)) and all(
                        isinstance(e, ast.Constant) and e.value in WRAPPER_ATTRIBUTES for e in k.value.elts))
                for k in node.keywords):
            # (`functools.update_wrapper(Box, keeper, assigned=("__lt__",))` sets a member by name: attack round 106)
            found.append(Finding("unverifiable", f"{made}(..., assigned=...) copying members the grader cannot read",
                                 hides_from_models=False))
        elif made in COMPARING_WRAPPERS and node.args:
            for member in _members_given(reading, node.args[0]):
                judge(member, f"the comparison handed to {made}", False)
    parents = _parents(reading)
    for node in reading.nodes:
        if isinstance(node, (ast.Name, ast.Attribute)) and _resolved(reading, node) in (
                "functools.update_wrapper", "functools.wraps") and not (
                isinstance(call := parents.get(id(node)), ast.Call) and call.func is node):
            # (handed on, what it copies is given where the reader does not look: `functools.partial(
            # functools.update_wrapper, torch.Tensor)(Src, ('renorm',), ())`, attack round 134)
            found.append(Finding("unverifiable", f"{_resolved(reading, node)} used as a value (the members it copies "
                                                 "cannot be read)", hides_from_models=False))
    return list(dict.fromkeys(found))


def _own_methods_named(reading: _Reading, name: str) -> list[ast.AST]:
    """The defs named ``name`` in the bodies of the submission's classes (memoised per reading)."""
    index = reading.memo.get("own_methods_by_name")
    if index is None:
        index = reading.memo["own_methods_by_name"] = {}
        for cls in reading.classes:
            for m in cls.body:
                if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    index.setdefault(m.name, []).append(m)
    return index.get(name, [])


def _an_own_callee(reading: _Reading, func: ast.expr) -> bool:
    """``func`` names a def of the submission's (a function, or a method of one of its classes)."""
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    return name is not None and (any(isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                                     for b, _ in reading.bindings.get(name, [])) if isinstance(func, ast.Name)
                                 else bool(_own_methods_named(reading, name)))


def _decorator_name(decorator: ast.expr) -> str | None:
    return decorator.id if isinstance(decorator, ast.Name) else None


def _a_static_method(function: ast.AST) -> bool:
    return any(_decorator_name(d) == "staticmethod" for d in getattr(function, "decorator_list", ()))


def _a_plain_method_decorator(reading: _Reading, decorator: ast.expr) -> bool:
    """Python's own ``staticmethod`` or ``classmethod``: a name of :data:`PLAIN_METHOD_DECORATORS` that nothing of the
    submission's binds, at module level, in a class body or in a function (attack round 104: `def staticmethod(f):
    return _keep` above an honest `@staticmethod def __lt__`)."""
    if _resolved_once(reading, decorator) == "abc.abstractmethod" and not _class_body_names(reading) & {
            decorator.id if isinstance(decorator, ast.Name) else _root(decorator)[0]}:
        return True  # (it hands back the function it is given, marked: fairness round 77's abstract `__iadd__`)
    if _a_grad_mode_decorator(reading, decorator):
        return True
    return isinstance(decorator, ast.Name) and decorator.id in PLAIN_METHOD_DECORATORS \
        and decorator.id not in reading.bindings and decorator.id not in _class_body_names(reading) and not any(
            isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and n.name == decorator.id
            or isinstance(n, ast.Name) and n.id == decorator.id and not isinstance(n.ctx, ast.Load)
            or isinstance(n, ast.arg) and n.arg == decorator.id for n in reading.nodes)


#: torch's gradient settings, whose decorator (``@torch.no_grad()``, ``@torch.no_grad``) hands back a function that
#: runs the one it is given, with the same arguments, inside the setting.
GRAD_MODE_DECORATORS = frozenset({"torch.no_grad", "torch.enable_grad", "torch.inference_mode",
                                  "torch.autograd.no_grad", "torch.autograd.enable_grad"})


def _a_grad_mode_decorator(reading: _Reading, decorator: ast.expr) -> bool:
    """``@torch.no_grad()`` or ``@torch.no_grad`` (:data:`GRAD_MODE_DECORATORS`, given nothing), torch's own where it
    stands: its module's name bound once, by an import, neither in a class body nor in a function (fairness round 86:
    `@torch.no_grad()` on an accumulator's `__iadd__` or a cell's `__lt__` cost q6's 3 points).  Its method is read
    as the def it decorates, a method of instances (not ``classmethod``'s, which `torch.no_grad()(classmethod(f))`
    would not be: it calls what it is given)."""
    if isinstance(decorator, ast.Call):
        if decorator.args or decorator.keywords:
            return False  # (`inference_mode(False)` is one too, but a value given is a value to read)
        decorator = decorator.func
    root = _root_name(decorator)
    return _resolved_once(reading, decorator) in GRAD_MODE_DECORATORS and isinstance(root, ast.Name) \
        and _local_scope_of(reading, root) is None \
        and root.id not in _class_body_names(reading) and _grad_modes_only_entered(reading)


def _grad_modes_only_entered(reading: _Reading) -> bool:
    """Whether the source uses torch's gradient settings (:data:`GRAD_MODE_DECORATORS`) only as decorators or as what
    a ``with`` enters (``@torch.no_grad()``, ``with torch.no_grad():``), given nothing, and never spells their names
    as a text: a class of torch handed to anything may have its members replaced (attack round 134:
    ``functools.update_wrapper(torch.no_grad, Src, ('__call__',), ())``, ``parser.parse_args(['--x'],
    torch.no_grad)`` with ``dest='__call__'``, ``getattr(torch, 'no_grad')``).  Memoised per reading."""
    found = reading.memo.get("grad modes only entered")
    if found is None:
        parents = _parents(reading)
        words = {name.rsplit(".", 1)[-1] for name in GRAD_MODE_DECORATORS}

        def entered_or_decorating(node: ast.AST) -> bool:
            parent = parents.get(id(node))
            if isinstance(parent, ast.Call) and parent.func is node and not parent.args and not parent.keywords:
                node, parent = parent, parents.get(id(parent))
                if isinstance(parent, ast.withitem) and parent.context_expr is node:
                    return True
            return isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) \
                and node in parent.decorator_list

        found = reading.memo["grad modes only entered"] = not any(
            isinstance(n, ast.Constant) and n.value in words
            or isinstance(n, (ast.Name, ast.Attribute)) and _resolved(reading, n) in GRAD_MODE_DECORATORS
            and not entered_or_decorating(n) for n in reading.nodes)
    return found


def _members_given(reading: _Reading, value: ast.expr, cls: ast.ClassDef | None = None) -> list[ast.AST | None]:
    """The defs or lambdas ``value`` gives as a member (``__lt__ = _keep``, ``{"__lt__": lambda s, o: ...}``,
    ``staticmethod(f)``, ``Product.__add__``; in the body of ``cls``, a name its body binds: ``__radd__ = __add__``,
    fairness round 12), or [None] when the reader cannot tell which; [] for a constant (``__eq__ = None``)."""
    if isinstance(value, ast.Constant):
        return []
    if isinstance(value, ast.Lambda):
        return [value]
    if isinstance(value, ast.Call) and _a_plain_method_decorator(reading, value.func) and len(value.args) == 1 \
            and not value.keywords:
        return _members_given(reading, value.args[0], cls)
    if isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name):
        # another class's method (`__radd__ = Product.__add__`)
        owners = [b for b, _ in reading.bindings.get(value.value.id, [])]
        if len(owners) == 1 and isinstance(owners[0], ast.ClassDef):
            return _defs_named(owners[0].body, value.attr) or [None]
    if isinstance(value, ast.Name):
        bindings = [b for b, _ in reading.bindings.get(value.id, [])]
        module = (_defs_named(bindings, value.id) or [None]) if bindings else []
        if cls is not None and any(value.id in _names_bound_by(st) for st in cls.body):
            # (a class-body name bound only after the statement that reads it is the module's there: attack round
            # 104's `__lt__ = keep` above the class's own honest `def keep`; both are judged)
            return (_defs_named(cls.body, value.id) or [None]) + module
        if cls is not None and any(isinstance(n, ast.Name) and n.id == value.id and isinstance(n.ctx, ast.Store)
                                   or isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                                   and n.name == value.id for st in cls.body
                                   if not isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                                   for n in ast.walk(st)):
            return [None]  # (bound in the class body by an `if` or a `try`: attack round 104)
        return module or [None]
    return [None]


def _defs_named(statements: list[ast.AST], name: str) -> list[ast.AST]:
    """The undecorated defs (or lambdas assigned) among ``statements`` binding ``name``, when those are all of its
    bindings there; else []."""
    found = []
    for st in statements:
        if name not in _names_bound_by(st):
            continue
        if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)) and all(
                _decorator_name(d) in PLAIN_METHOD_DECORATORS for d in st.decorator_list):
            found.append(st)
        elif isinstance(st, ast.Assign) and isinstance(st.value, ast.Lambda) and len(st.targets) == 1 \
                and isinstance(st.targets[0], ast.Name):
            found.append(st.value)
        else:
            return []
    return found


def _stored_root(node: ast.AST) -> str | None:
    """The name whose object a store into ``node`` changes: ``self`` of ``self.fn``, ``type(self).table[0]``,
    ``vars(self)["fn"]``, ``self.__dict__["fn"]``; the function's name for any other call's result."""
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call, ast.Starred)):
        if isinstance(node, ast.Call):
            node = node.args[0] if isinstance(node.func, ast.Name) and node.func.id in (
                "type", "vars", "getattr") and node.args else node.func
        else:
            node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _class_body_names(reading: _Reading) -> frozenset[str]:
    """The names the submission's class bodies bind (shared by every instance).  Memoised.  A bare annotation
    (``total: float``) binds nothing in a plain class statement whose annotations nothing reads back (fairness
    round 79's accumulators); in a dataclass, or what a library base makes of it, it is a field."""
    names = reading.memo.get("class_body_names")
    if names is None:
        names = reading.memo["class_body_names"] = frozenset(
            name for cls in reading.classes for st in _class_scope_statements(cls) for name in _names_bound_by(st)
            if not (isinstance(st, ast.AnnAssign) and st.value is None and _a_plain_class_statement(reading, cls)
                    and not _reads_annotations(reading) and not _dataclasses_made_otherwise(reading)))
    return names


def _dataclasses_made_otherwise(reading: _Reading) -> bool:
    """Whether dataclasses' makers are named anywhere but as a class's decorator (``Acc = dataclass(Acc)``,
    ``partial(dataclass)``, ``make_dataclass``): a class's bare annotations may then be fields its ``__init__`` sets
    (attack round 118).  Memoised per reading."""
    found = reading.memo.get("dataclasses_made_otherwise")
    if found is None:
        decorating = {id(d) for c in reading.classes for d in c.decorator_list} | {
            id(d.func) for c in reading.classes for d in c.decorator_list if isinstance(d, ast.Call)}
        found = reading.memo["dataclasses_made_otherwise"] = any(
            isinstance(n, (ast.Name, ast.Attribute)) and id(n) not in decorating
            and (_resolved(reading, n) or "").startswith(("dataclasses.dataclass", "dataclasses.make_dataclass"))
            or isinstance(n, ast.Constant) and n.value in ("dataclass", "make_dataclass")
            for n in reading.nodes)
    return found


def _class_scope_statements(cls: ast.ClassDef) -> list[ast.stmt]:
    """Every statement of a class body's own scope, however deep (an `if`'s, a `try`'s: attack round 115's `if True:
    start = KEEP` beside `start = 0.0`), not a nested function's or class's."""
    found, todo = [], list(cls.body)
    while todo:
        st = todo.pop()
        found.append(st)
        if not isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            todo += [c for c in ast.iter_child_nodes(st) if isinstance(c, ast.stmt)] + [
                c for h in getattr(st, "handlers", []) for c in h.body] + [
                c for case in getattr(st, "cases", []) for c in case.body]
    return found


def _only_torch_modules_stored(reading: _Reading, attr: str) -> bool:
    """Whether every store of an attribute named ``attr`` (``self.flatten = nn.Flatten()``) is one of torch's
    ``nn`` layers made there (:func:`_every_store_of`): calling it runs torch's code, which keeps nothing."""
    return _every_store_of(reading, attr, lambda reading, value: isinstance(value, ast.Call) and (
        _resolved(reading, value.func) or "").startswith("torch.nn."))


def _every_store_of(reading: _Reading, attr: str, made: Callable[[_Reading, ast.AST], bool]) -> bool:
    """Whether an attribute named ``attr`` is stored somewhere and every store of it, anywhere, is a plain ``x.attr =
    value`` with ``made(reading, value)``, no class body binds it and nothing sets attributes by name."""
    stores = [n for n in reading.nodes if isinstance(n, ast.Attribute) and n.attr == attr
              and not isinstance(n.ctx, ast.Load)]
    plain = {id(t) for n in reading.nodes if isinstance(n, ast.Assign) and len(n.targets) == 1
             and made(reading, n.value) for t in n.targets}
    return bool(stores) and all(id(n) in plain for n in stores) and attr not in _class_body_names(reading) \
        and not any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in ("setattr", "delattr")
                    for n in reading.nodes)


def _bound_by_classes_only(reading: _Reading, name: str) -> bool:
    """Whether ``name`` is a class: every module binding of it is a class statement, or none is and it is one of
    Python's exception classes (``raise StopIteration``)."""
    bindings = reading.bindings.get(name, [])
    if not bindings:
        return isinstance(getattr(builtins, name, None), type)
    return all(isinstance(b, ast.ClassDef) for b, _ in bindings)


def _constructor_hands_on_self(reading: _Reading, classes: list[ast.ClassDef]) -> bool:
    """Whether an ``__init__`` or ``__post_init__`` of these classes' hierarchies hands its new instance to anything
    (``KEEP.append(self)``, ``self.instances.append(self)``, ``register(self)``): what is stored in the instance
    afterwards is then kept there too (attack round 104).  Reading and setting its attributes hands nothing on."""
    parents = _parents(reading)
    for cls in classes:
        for c in _class_hierarchy(reading, cls):
            if any(name in ("__init__", "__post_init__") and not isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef))
                   for st in c.body for name in _names_bound_by(st)) or any(
                    _binds_anywhere(c, name) and not any(isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef))
                                                         and st.name == name for st in c.body)
                    for name in ("__init__", "__post_init__")):
                return True  # (`__init__ = _reg`: attack round 106)
            for method in c.body:
                if not (isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef))
                        and method.name in ("__init__", "__post_init__") and method.args.args):
                    continue
                first = method.args.args[0].arg
                if any(isinstance(n, ast.Name) and n.id == first and not (
                        isinstance(parents.get(id(n)), ast.Attribute) and parents[id(n)].value is n)
                       for n in ast.walk(method) if n is not method.args):
                    return True
                # (`KEEP.append(self.get)`: a bound method carries its instance; attack round 107)
                methods = {m.name for k in _class_hierarchy(reading, cls) for m in k.body
                           if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))} | {
                    name for k in _class_hierarchy(reading, cls) for st in k.body
                    if isinstance(st, ast.Assign) for name in _names_bound_by(st)}
                if any(isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == first
                       and n.attr in methods and isinstance(n.ctx, ast.Load)
                       and not (isinstance(parents.get(id(n)), ast.Call) and parents[id(n)].func is n)
                       for n in ast.walk(method)):
                    return True
    return False


def _made_by_an_own_plain_class(reading: _Reading, value: ast.AST | None) -> bool:
    """``Value(data, (self, other))`` or ``Value.__new__(Value)``: a new instance of a class of the submission's that
    :func:`_names_a_class_object_makes` where the call stands (an object of the submission's own, which torch neither
    made nor reads)."""
    return _an_own_plain_new(reading, value) or isinstance(value, ast.Call) and isinstance(value.func, ast.Name) \
        and _names_a_class_object_makes(reading, value.func)


def _names_a_class_object_makes(reading: _Reading, name: ast.Name) -> bool:
    """Whether ``name``, where it stands, can only be a class of the submission's whose instances ``object.__new__``
    makes: every binding it has in its scope is a class statement, of the module's kind
    (:func:`_object_makes_its_instances`) or, a function's own, :func:`_a_plain_class_statement`, with no
    :data:`STORE_DUNDERS` bound in its hierarchy but by a plain ``def``.  Not a name a class body around it may bind
    (attack round 105: a local ``def Node``, a parameter's default, a local ``class Node(nn.Parameter)``, a module's
    ``Node`` bound otherwise before a later class, were read as the module's class)."""
    if _in_a_class_body(reading, name):
        return False
    scope = _local_scope_of(reading, name)
    if scope is None:
        classes = [b for b, _ in reading.bindings.get(name.id, []) if not _changes_only(b, name.id)]
        if not classes or name.id in reading.imported or not all(isinstance(b, ast.ClassDef) for b in classes) \
                or not _object_makes_its_instances(reading, name.id):
            return False
    else:
        classes = _only_bound_by(reading, scope, name.id)
        if not classes or not all(isinstance(b, ast.ClassDef) and _a_plain_class_statement(reading, b)
                                  for b in classes):
            return False
    return not any(_binds_anywhere(c, "__new__") or _dunders_bound_otherwise(c)
                   for b in classes for c in _class_hierarchy(reading, b))


def _a_plain_class_statement(reading: _Reading, cls: ast.ClassDef) -> bool:
    """A class statement (a function's local class) that makes plain instances: its bases are ``object`` or plain
    classes of the module's, no keyword but a plain metaclass, no decorator but ``dataclasses.dataclass``."""
    # (no decorator, keyword or library base: a function may bind `dataclass` or `abc` for itself, attack round 106)
    return not cls.keywords and not cls.decorator_list and all(
        isinstance(b, ast.Name) and (b.id == "object" and _the_builtin(reading, b) or _local_scope_of(
            reading, b) is None and _object_makes_its_instances(reading, b.id))
        or _resolved_once(reading, b) in PLAIN_BASES and _local_scope_of(reading, _root_name(b)) is None
        for b in cls.bases)  # (`class Reducer(ABC)`: fairness round 77; not a function's own `abc`, attack round 106)


def _root_name(node: ast.AST) -> ast.AST:
    """The name an attribute chain starts from (``abc`` of ``abc.ABC``), or the node itself."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return node


def _dunders_bound_otherwise(cls: ast.ClassDef) -> bool:
    """Whether ``cls``'s body binds one of :data:`STORE_DUNDERS` other than by a plain ``def`` at its top (``for
    __setattr__ in (D.setdefault,): pass``, ``__setitem__ = getattr(D, "setdefault")``, in an ``if``, a ``with``, a
    capture: attack round 107 redirected a made object's stores)."""
    for st in cls.body:
        if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Pass)) or isinstance(
                st, ast.Expr) and isinstance(st.value, ast.Constant):
            continue
        if isinstance(st, (ast.Assign, ast.AnnAssign)) and all(
                isinstance(t, ast.Name) and t.id not in STORE_DUNDERS
                for t in (st.targets if isinstance(st, ast.Assign) else [st.target])):
            continue  # (`__radd__ = __add__`, `__slots__ = ("x",)`: an operator's alias, data)
        for n in ast.walk(st):
            name = n.id if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load) else \
                n.name if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.MatchAs,
                                         ast.MatchStar)) else n.rest if isinstance(n, ast.MatchMapping) else \
                (n.asname or n.name) if isinstance(n, ast.alias) else None
            if name in STORE_DUNDERS:
                return True
    return False


#: Special methods that decide what setting, reading or making an instance's attributes and items does.
STORE_DUNDERS = frozenset({"__setattr__", "__setitem__", "__delattr__", "__delitem__", "__getattr__",
                           "__getattribute__", "__init__", "__new__", "__post_init__", "__init_subclass__",
                           "__set_name__", "__get__", "__set__", "__delete__", "__class_getitem__", "__missing__"})


def _binds_anywhere(cls: ast.ClassDef, name: str) -> bool:
    """Whether ``name`` is bound anywhere in ``cls``'s body, a nested statement's too (``if True: for __new__ in
    ...``: attack round 106), by a def, an assignment, a loop, a ``with``, a capture or an import."""
    for st in cls.body:
        for n in ast.walk(st):
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and n.name == name \
                    or isinstance(n, ast.Name) and n.id == name and not isinstance(n.ctx, ast.Load) \
                    or isinstance(n, (ast.MatchAs, ast.MatchStar)) and n.name == name \
                    or isinstance(n, ast.MatchMapping) and n.rest == name \
                    or isinstance(n, ast.alias) and (n.asname or n.name) == name:
                return True
    return False


def _classes_all_the_way(reading: _Reading, name: str, seen: frozenset = frozenset()) -> list[ast.ClassDef] | None:
    """The class statements ``name`` and its bases name, every module binding of each a class statement (attack
    round 106: `Base = nn.Parameter; class Node(Base)` before a later `class Base`); None otherwise."""
    if name in seen or name in reading.imported:
        return None
    bindings = [b for b, _ in reading.bindings.get(name, []) if not _changes_only(b, name)]
    if not bindings or not all(isinstance(b, ast.ClassDef) for b in bindings):
        return None
    found = list(bindings)
    for cls in bindings:
        for base in cls.bases:
            if isinstance(base, ast.Name) and base.id == "object" and "object" not in reading.bindings:
                continue
            if _resolved_once(reading, base) in PLAIN_BASES:
                continue
            if not isinstance(base, ast.Name):
                return None
            more = _classes_all_the_way(reading, base.id, seen | {name})
            if more is None:
                return None
            found += more
    return found


def _object_makes_its_instances(reading: _Reading, name: str) -> bool:
    """Whether the module's ``name`` is bound only to plain classes of the submission's (:func:`_plain_own_class`,
    every binding a class statement), decorated by nothing but ``dataclasses.dataclass`` (which hands the class back),
    no class of whose hierarchy binds a ``__new__``: calling it, or its ``__new__``, makes an instance by
    ``object.__new__``."""
    classes = _classes_all_the_way(reading, name)
    if classes is None or not _plain_own_class(reading, name):
        return False
    return not any(_binds_anywhere(c, "__new__") or _dunders_bound_otherwise(c) for c in classes) and all(
        _a_bare_dataclass(reading, d) for c in classes for d in c.decorator_list)


def _in_a_class_body(reading: _Reading, node: ast.AST) -> bool:
    """Whether ``node`` stands in a class body, outside any function of it (where the class body's names come first)."""
    parents = _parents(reading)
    while (node := parents.get(id(node))) is not None and not isinstance(
            node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
        if isinstance(node, ast.ClassDef):
            return True
    return False


def _only_bound_by(reading: _Reading, scope: ast.AST, name: str) -> list[ast.AST]:
    """The statements of a function ``scope`` that bind its local ``name``; [] when anything else may bind it (a
    parameter, a walrus, an ``except`` name, a ``match`` capture, a nested function's ``nonlocal``)."""
    if isinstance(scope, (ast.Lambda, ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
        return []
    arguments = scope.args
    if name in {a.arg for a in arguments.posonlyargs + arguments.args + arguments.kwonlyargs
                + [arguments.vararg, arguments.kwarg] if a is not None} or any(
            isinstance(n, ast.Nonlocal) and name in n.names for n in ast.walk(scope)):
        return []
    statements = []
    for st in _walk_scope_body(scope):
        if isinstance(st, ast.NamedExpr) and st.target.id == name or isinstance(
                st, ast.excepthandler) and st.name == name or isinstance(st, ast.pattern):
            return []
        if isinstance(st, ast.stmt) and name in _names_bound_by(st) and name not in _only_changed_by(st):
            statements.append(st)
    return statements


#: Special methods whose call by name rule 2 reads once every unit is bound (:func:`_read_dunder_calls`).
BY_NAME_READ_LATER = frozenset({"__new__", "__enter__", "__exit__"})


def _read_dunder_calls(reading: _Reading) -> None:
    """Rule 2 on the special methods of :data:`BY_NAME_READ_LATER` and :data:`PLAIN_DUNDERS` called by name: a finding
    but for a plain instance made (:func:`_an_own_plain_new`), a library's setting entered or left
    (:func:`_holds_a_setting_context`), or a special method of a plain class of the submission's
    (:func:`_of_an_own_plain_class`), read with the bindings of every unit."""
    for call, finding in reading.dunder_calls:
        func = call.func
        if not (func.attr == "__new__" and _an_own_plain_new(reading, call)
                or func.attr in ("__enter__", "__exit__") and _holds_a_setting_context(reading, func.value)
                or func.attr in PLAIN_DUNDERS and func.attr != "__new__" and _of_an_own_plain_class(reading, func.value)):
            reading.unreadable.append(finding)


def _of_an_own_plain_class(reading: _Reading, value: ast.AST) -> bool:
    """Whether ``value`` is a plain class of the submission's (:func:`_names_a_class_object_makes`), an instance one
    makes (``Acc()``), or a name bound only to such instances: a special method of its called by name
    (``acc.__iadd__(v)``, ``Acc().__enter__()``, ``Acc.__iadd__(acc, v)``) is the submission's own code, read with
    its class (fairness round 79's timers and accumulators lost 10 points)."""
    def made(reading: _Reading, v: ast.AST) -> bool:
        return isinstance(v, ast.Call) and isinstance(v.func, ast.Name) and _names_a_class_object_makes(reading, v.func)

    return isinstance(value, ast.Name) and (_names_a_class_object_makes(reading, value)
                                            or _bound_only_to(reading, value, made)) or made(reading, value)


def _bound_only_to(reading: _Reading, name: ast.Name, made: Callable[[_Reading, ast.AST], bool]) -> bool:
    """Whether every binding ``name`` has where it stands is ``name = value`` with ``made(reading, value)``.  Not a
    parameter, a loop's or a ``with``'s target, an ``except`` name, a walrus, a tuple unpacked, a name a nested
    function rebinds (``nonlocal``) or one a class body binds: what they hold is not known."""
    if _in_a_class_body(reading, name):
        return False  # (a class body's name is none of the module's, nor of a function around it)
    scope = _local_scope_of(reading, name)
    if scope is None:
        if name.id in reading.global_in_functions:
            return False
        statements = [b for b, _ in reading.bindings.get(name.id, []) if not _changes_only(b, name.id)]
    else:
        statements = _only_bound_by(reading, scope, name.id)
    return bool(statements) and all(
        isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
        and made(reading, st.value) for st in statements)


#: Context managers of libraries that switch a setting for their block and nothing else: entered and left by name
#: (``self.inner.__enter__()`` in a context manager of the submission's that wraps one), they do what ``with`` does.
SETTING_CONTEXTS = frozenset({"torch.no_grad", "torch.enable_grad", "torch.inference_mode", "torch.set_grad_enabled",
                              "torch.autograd.no_grad", "torch.autograd.enable_grad", "torch.random.fork_rng",
                              "contextlib.nullcontext", "warnings.catch_warnings", "numpy.errstate"})


def _a_setting_context(reading: _Reading, value: ast.AST) -> bool:
    """``value`` makes one of :data:`SETTING_CONTEXTS` (``torch.no_grad()``)."""
    if not (isinstance(value, ast.Call) and _resolved(reading, value.func) in SETTING_CONTEXTS):
        return False
    root = value.func
    while isinstance(root, ast.Attribute):
        root = root.value
    # (the module's import where the call stands: not a function's own `torch = SimpleNamespace(...)`, attack 106)
    return isinstance(root, ast.Name) and _local_scope_of(reading, root) is None and not _in_a_class_body(reading, root)


def _holds_a_setting_context(reading: _Reading, holder: ast.AST) -> bool:
    """What :func:`_holds_only` one of :data:`SETTING_CONTEXTS`: its ``__enter__``/``__exit__`` called by name run
    the library's setting (fairness round 70: a self-check's context manager wrapping ``torch.no_grad()`` cost 10
    points).  Not a mode, a profiler or anything else whose entering records or intercepts (those are read where
    they are made), nor what the reader cannot tell."""
    return _holds_only(reading, holder, _a_setting_context)


def _holds_only(reading: _Reading, holder: ast.AST, made: Callable[[_Reading, ast.AST], bool]) -> bool:
    """Whether ``holder`` can only hold what ``made`` accepts: a name bound only so where it stands
    (:func:`_bound_only_to`), or ``x.inner`` when every store of an attribute so named, anywhere, is a plain
    ``y.inner = value`` with ``made(reading, value)``, no class body binds it and nothing sets attributes by name."""
    if isinstance(holder, ast.Name):
        return _bound_only_to(reading, holder, made)
    # (another object's attribute may be made by a keyword: `SimpleNamespace(**{name: x})`)
    return isinstance(holder, ast.Attribute) and isinstance(holder.value, ast.Name) \
        and _a_methods_own_instance(reading, holder.value) and _every_store_of(reading, holder.attr, made)


def _a_methods_own_instance(reading: _Reading, name: ast.Name) -> bool:
    """``self`` in a method: the first parameter of a def directly in a class body, neither a static nor a class
    method, never rebound in it (its attributes are set by its class's code, read where they are stored)."""
    scope = _local_scope_of(reading, name)
    if not (isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef))
            and isinstance(_parents(reading).get(id(scope)), ast.ClassDef) and scope.args.args
            and scope.args.args[0].arg == name.id and not any(
                isinstance(d, ast.Name) and d.id in ("staticmethod", "classmethod") for d in scope.decorator_list)):
        return False
    return not any(name.id in _names_bound_by(st) and name.id not in _only_changed_by(st)
                   for st in _walk_scope_body(scope) if isinstance(st, ast.stmt)) and not any(
        isinstance(n, (ast.NamedExpr, ast.Nonlocal)) for n in ast.walk(scope))


def _an_own_plain_new(reading: _Reading, call: ast.AST | None) -> bool:
    """``Result.__new__(Result)`` or ``object.__new__(Result)`` (:func:`_names_a_class_object_makes`, ``object``
    Python's): a bare instance made by ``object.__new__`` (fairness round 69: a self-check's results merged in
    ``__add__`` cost honest files 10 points).  Any other class's ``__new__`` (a tensor's, one the submission
    defines) is read as rule 2 reads dunders."""
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "__new__"
            and len(call.args) == 1 and not call.keywords and isinstance(call.args[0], ast.Name)
            and isinstance(call.func.value, ast.Name)):
        return False
    owner, made = call.func.value, call.args[0]
    if not (owner.id == made.id or owner.id == "object" and _the_builtin(reading, owner)):
        return False
    # (not a classmethod's `cls.__new__(cls)`: what `cls` is depends on what the method is called on, and a
    # subclass made by a metaclass call, or through an alias of `Wrap.mro()[0]`, beside nn.Parameter earned a
    # tampering model its points: attack round 108)
    return _names_a_class_object_makes(reading, made)


def _a_text_made(value: ast.AST) -> bool:
    """An f-string with text of its own or several values: Python joins them into a new str; ``f"{x}"`` alone is
    whatever ``x.__format__`` hands back, a str subclass's instance carrying a list (attack round 110)."""
    return isinstance(value, ast.JoinedStr) and (len(value.values) != 1 or isinstance(value.values[0], ast.Constant))


def _makes_a_new_object(reading: _Reading, value: ast.AST) -> bool:
    """``value`` makes a new container or instance: a display, a comprehension, a ``.copy()``, a new list, dict, set
    or tuple, an instance of the submission's class (whose ``__new__`` rule 2 refuses).  Not a slice, which is a
    view of a numpy array, or whatever a class's ``__getitem__`` hands back (attack round 103)."""
    if isinstance(value, (ast.List, ast.Tuple, ast.Set, ast.Dict, ast.ListComp, ast.SetComp, ast.DictComp,
                          ast.Constant)) or _a_text_made(value):
        return True
    if isinstance(value, ast.IfExp):  # (`[] if items is None else list(items)`: fairness round 75)
        return _makes_a_new_object(reading, value.body) and _makes_a_new_object(reading, value.orelse)
    sides = (value.left, value.right) if isinstance(value, ast.BinOp) and isinstance(value.op, (ast.Mult, ast.Add)) \
        else ()
    if any(isinstance(side, (ast.List, ast.Tuple, ast.ListComp)) for side in sides) and all(
            isinstance(side, (ast.List, ast.Tuple, ast.ListComp)) or _a_new_value(reading, side, immutable=True)
            for side in sides):
        return True  # (`[0.0] * len(self)`: a new list; not `[] + x`, whose `__radd__` may hand back anything)
    if isinstance(value, ast.Call):
        func = value.func
        if isinstance(func, ast.Name) and func.id in ("list", "dict", "set", "tuple", "frozenset", "bytearray") \
                and func.id not in reading.bindings:
            return True
        if isinstance(func, ast.Name) and (bindings := reading.bindings.get(func.id)) and all(
                isinstance(b, ast.ClassDef) for b, _ in bindings) and _names_a_class_object_makes(reading, func) \
                and not _constructor_hands_on_self(reading, [b for b, _ in bindings]):
            return True  # (not a decorated class, whose name the decorator binds, nor one whose __init__ registers
            # its new instance: attack round 104)
        if _an_own_plain_new(reading, value):
            return True
        if isinstance(func, ast.Attribute) and _a_copying_method(reading, func.attr) and not (
                isinstance(func.value, ast.Name) and func.value.id in reading.imported):
            return True  # (not `copy.copy(E.A)`, which hands back an Enum member itself: attack round 110; not a
            # class's own `copy`, by def or by `copy = lambda self: self`: attack round 103; nor a
            # namespace's `copy=lambda: KEEP`: attack round 109)
        if (_resolved(reading, func) or "").startswith(NEW_CONTAINER_MAKERS):
            return True
        if _resolved(reading, func) in ("copy.copy", "copy.deepcopy") and len(value.args) == 1 and isinstance(
                value.args[0], ast.Name) and _an_instance_of_a_plain_class(reading, value.args[0]) \
                and not _own_member_names(reading) & {"__copy__", "__deepcopy__", "__reduce__", "__reduce_ex__"}:
            return True  # (`out = copy.copy(self)` of a plain class: a new instance; not of what may be a function,
            # a class or an Enum member, which copy hands back itself: attack round 110)
    return False


#: Library calls that make a new, empty or copied, container (cheats r36's honest parts: a descriptor's
#: WeakKeyDictionary of values).  Not ChainMap or UserList, which write through to what they are given (attack
#: round 103).
NEW_CONTAINER_MAKERS = ("collections.Counter", "collections.OrderedDict", "collections.defaultdict",
                        "collections.deque", "weakref.WeakKeyDictionary", "weakref.WeakValueDictionary",
                        "weakref.WeakSet")


def _own_data_of(reading: _Reading, target: ast.AST, instance: str | None, *, changed: bool = False) -> bool:
    """``self.x = ...``, ``self.x[k] = ...`` (or, ``changed``, ``self.x.append(...)``) where ``x`` is the instance's
    own attribute: no class body binds it (a class attribute every instance shares), and, unless it is the attribute
    itself rebound, every store of an attribute so named makes a new object or a number (attack round 102:
    `self.shared.append(v)` on a class's list, `self.shared = HELD`)."""
    node = target
    while isinstance(node, ast.Subscript):
        node = node.value
    if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == instance
            and not (node.attr.startswith("__") and node.attr.endswith("__"))):
        return False
    if node is target and not changed:
        # (the attribute itself rebound; a class body's name may be a property whose setter runs, not a dataclass's
        # field of Python's immutable kinds: fairness round 75)
        return node.attr not in _class_body_names(reading) or bool(_dataclass_fields_named(reading, node.attr)) \
            or bool(_class_constants(reading, node.attr))  # (`total = 0.0`, then `self.total += value`: round 77)
    def fresh(target: ast.AST, value: ast.AST | None) -> bool:
        """Every attribute so named that ``target = value`` binds gets a new object or a number."""
        if isinstance(target, ast.Attribute) and target.attr == node.attr:
            return value is not None and (_makes_a_new_object(reading, value) or isinstance(
                value, (ast.BinOp, ast.UnaryOp)) and not _an_operator_of_its_own(reading, value.op))
            # (not `T() + 0` with `T.__add__` handing back a module's list: attack round 109)
        if isinstance(target, (ast.Tuple, ast.List)):
            if isinstance(value, (ast.Tuple, ast.List)) and len(value.elts) == len(target.elts) and not any(
                    isinstance(e, ast.Starred) for e in target.elts):
                return all(fresh(t, v) for t, v in zip(target.elts, value.elts))
            return not any(isinstance(t, ast.Attribute) and t.attr == node.attr for t in ast.walk(target))
        return True

    stored = [(t, n.value) for n in reading.nodes if isinstance(n, (ast.Assign, ast.AnnAssign))
              for t in (n.targets if isinstance(n, ast.Assign) else [n.target])]
    # (and set somewhere: an attribute no statement sets is a library base's, `class Box(ChainMap)`'s `self.maps`,
    # or one `type(...)` gave: attack round 109)
    return node.attr not in _class_body_names(reading) and any(
        isinstance(t, ast.Attribute) and t.attr == node.attr for target, _ in stored for t in ast.walk(target)) and all(
        fresh(t, value) for t, value in stored) and not any(
        isinstance(t, ast.Attribute) and t.attr == node.attr
        for n in reading.nodes if isinstance(n, (ast.For, ast.AsyncFor, ast.withitem, ast.comprehension))
        for t in ast.walk(getattr(n, "target", None) or getattr(n, "optional_vars", None) or ast.Pass()))


#: Built-ins that make a new object of Python's own kinds from what they are given (Python checks the kind an
#: ``__int__``, ``__str__`` or ``__len__`` hands back): a new container holds what it was given, but no other name
#: holds it; not ``abs``, ``round``, ``min``, ``max`` or ``sum``, which hand back what a special method of the
#: submission's makes, or what they are given.  (Not :data:`NEW_VALUE_BUILTINS`, whose results hold nothing given.)
NEW_OBJECT_BUILTINS = frozenset({"list", "dict", "set", "tuple", "frozenset", "bytearray", "int", "float", "complex",
                                 "str", "bool", "len", "sorted", "range", "repr", "hash", "id", "isinstance",
                                 "issubclass", "callable", "format", "any", "all", "print", "ord", "chr"})
#: The libraries whose classes a class of the submission's may derive from and still be read for what its calls give
#: its ``__init__`` (a base that is a library's class is no class of the submission's to make with other arguments).
MODULE_ROOTS_OF_BASES = frozenset({"torch", "numpy", "collections", "enum", "abc", "typing"})
#: ``ast`` operators and the names of their special methods (:data:`BINARY_OPERATIONS`).
AST_OPERATIONS = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.MatMult: "matmul", ast.Div: "truediv",
                  ast.FloorDiv: "floordiv", ast.Mod: "mod", ast.Pow: "pow", ast.LShift: "lshift",
                  ast.RShift: "rshift", ast.BitAnd: "and", ast.BitXor: "xor", ast.BitOr: "or",
                  ast.USub: "neg", ast.UAdd: "pos", ast.Invert: "invert"}


def _an_operator_of_its_own(reading: _Reading, op: ast.AST, kinds: tuple[str, ...] = ("", "r", "i")) -> bool:
    """Whether a class of the submission's defines the operator ``op`` (``kinds``: forward, reflected, in place), so
    that ``a op b`` may hand back whatever its method makes (attack round 109: ``T() + 0`` with ``T.__add__`` handing
    back a module's list; ``BOX.total += T()`` with ``T.__radd__`` doing the same)."""
    name = AST_OPERATIONS.get(type(op))
    return name is None or bool(_own_member_names(reading) & {f"__{kind}{name}__" for kind in kinds})


def _operators_hand_back_new(reading: _Reading, op: ast.AST, *, in_place: bool = False,
                             immutable: bool = False) -> bool:
    """Whether ``a op b`` (with ``in_place``, ``a op= b`` on a new value ``a``) makes a new value whatever its operands
    are: no class of the submission's defines the operator (forward, reflected, in place), or every such special
    method hands back only a new instance of a plain class of the submission's (``return self.__class__(self.total
    + value)``, ``return Acc(...)``, ``type(self)(...)``), a display or a constant, or, in place, its own instance,
    that of a plain class (fairness rounds 75 and 77; not a list subclass's: attack round 116); an operator bound
    otherwise is not read.  With ``immutable``, on a value ``a`` of Python's immutable kinds, which makes one: no
    class of the submission's defines the reflected operator (what it hands back is of no such kind: `return []`,
    attack round 116)."""
    name = AST_OPERATIONS.get(type(op))
    if name is None:
        return False
    if immutable:
        # (on a value of Python's immutable kinds, which has no in-place operator, Python's own operator runs, or
        # the other operand's reflected one)
        return not _own_member_names(reading) & {f"__r{name}__"}
    names = {f"__{name}__", f"__r{name}__"} | ({f"__i{name}__"} if in_place else set())
    if not _own_member_names(reading) & names:
        return True
    for cls in reading.classes:
        for st in cls.body:
            bound = {st.name} if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) else set(
                _names_bound_by(st))
            if not bound & names:
                continue
            if isinstance(st, ast.Assign) and isinstance(st.value, ast.Name) and any(
                    isinstance(m, ast.FunctionDef) and m.name == st.value.id and m.name in names for m in cls.body):
                continue  # (`__radd__ = __add__`: read as the def)
            if not isinstance(st, ast.FunctionDef) or not all(
                    _a_grad_mode_decorator(reading, d) for d in st.decorator_list):
                return False  # (`@torch.no_grad()` hands back what the def returns: fairness round 86)
            first = [a.arg for a in st.args.posonlyargs + st.args.args][:1]
            for node in _walk_scope_body(st):
                if isinstance(node, (ast.Yield, ast.YieldFrom, ast.Global, ast.Nonlocal)):
                    return False
                if not isinstance(node, ast.Return) or node.value is None or isinstance(node.value, (
                        ast.Constant, ast.List, ast.Tuple, ast.Dict, ast.Set, ast.ListComp, ast.DictComp)):
                    continue
                made = node.value
                if isinstance(made, ast.Name) and made.id == "NotImplemented" and _the_builtin(reading, made):
                    continue  # (Python then tries the other operand's method, read likewise)
                if (st.name.startswith("__i") or in_place) and isinstance(made, ast.Name) and [made.id] == first \
                        and not cls.keywords and all(_a_bare_dataclass(reading, d)
                                                     for d in cls.decorator_list) \
                        and _a_plain_class_statement(reading, ast.ClassDef(name=cls.name, bases=cls.bases, keywords=[],
                                                                           body=[], decorator_list=[])):
                    continue  # (an operator handing back its instance: an in-place one's, which was new; for `k +=
                    # x`, k itself or x, an instance of the submission's whose own operators are read where defined:
                    # the `sum()` start idiom `if other == 0: return self`, fairness rounds 73 and 74)
                if isinstance(made, ast.Name) and [made.id] != first and all(
                        isinstance(b, ast.Assign) and len(b.targets) == 1 and _made_by_an_own_plain_class(
                            reading, b.value) for b in _only_bound_by(reading, st, made.id)) and _only_bound_by(
                        reading, st, made.id):
                    continue  # (`out = Counter(); out.count = total; return out`: fairness round 74)
                if not (isinstance(made, ast.Call) and (
                        _made_by_an_own_plain_class(reading, made)
                        or isinstance(made.func, ast.Attribute) and made.func.attr == "__class__"
                        and isinstance(made.func.value, ast.Name) and [made.func.value.id] == first
                        or isinstance(made.func, ast.Call) and isinstance(made.func.func, ast.Name)
                        and made.func.func.id == "type" and "type" not in reading.bindings
                        and len(made.func.args) == 1 and isinstance(made.func.args[0], ast.Name)
                        and [made.func.args[0].id] == first)):
                    return False
    return True


def _a_copying_method(reading: _Reading, attr: str) -> bool:
    """Whether ``x.attr()`` is a copy whatever ``x`` is (``.copy()``, ``.clone()``): the name is a copying method's
    and nothing of the submission's binds it (a class's method, a class body's name, ``NS.copy = f``, a keyword
    ``copy=`` handed to a namespace: attack round 109's ``SimpleNamespace(copy=lambda: KEEP)``)."""
    return attr in COPYING_METHODS and not _own_methods_named(reading, attr) \
        and attr not in _class_body_names(reading) and not any(
            isinstance(n, ast.Attribute) and n.attr == attr and isinstance(n.ctx, (ast.Store, ast.Del))
            or isinstance(n, ast.keyword) and n.arg == attr or isinstance(n, ast.Constant) and n.value == attr
            for n in reading.nodes)  # (`{"copy": f}` handed on unpacked, `setattr(NS, "copy", f)`: the name as text)


#: Annotations of a dataclass's fields read as Python's immutable kinds.
IMMUTABLE_ANNOTATIONS = frozenset({"float", "int", "str", "bool", "complex", "tuple", "bytes"})
#: ... of those, the ones that hand back what a class's own special method makes (a subclass of int, float or str
#: may carry attributes), unless no class of the submission's defines one of :data:`CONVERTING_DUNDERS`.
CONVERTING_BUILTINS = frozenset({"int", "float", "complex", "str", "repr"})
CONVERTING_DUNDERS = frozenset({"__int__", "__index__", "__trunc__", "__float__", "__complex__", "__str__",
                                "__repr__"})
#: ... of those, the ones that make a value no in-place operator changes.
IMMUTABLE_VALUE_BUILTINS = frozenset({"int", "float", "complex", "str", "bool", "len", "range", "repr", "hash", "id"})


def _class_constants(reading: _Reading, attr: str) -> list[ast.Assign]:
    """Every class body's binding of ``attr``, when each is a constant of Python's immutable kinds (``start = 0.0``,
    ``INIT = ZERO`` of a module's constant: fairness rounds 76 and 77) in a plain class statement no class a call
    makes, nor a library's, derives from (:func:`_a_class_kept_to_its_statements`: attack round 113's `type("Sub",
    (Acc,), {"start": KEEP})`, `class Sub(configparser.ConfigParser, Acc)`); [] otherwise.  Such a name is no
    property nor descriptor: a store on an instance binds the instance's own."""
    bodies = [st for cls in reading.classes for st in _class_scope_statements(cls) if attr in _names_bound_by(st)
              or isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and st.name == attr]
    if bodies and all(any(st in cls.body for cls in reading.classes) for st in bodies) and all(
            (isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
             or isinstance(st, ast.AnnAssign) and isinstance(st.target, ast.Name) and st.value is not None)
            and (isinstance(st.value, ast.Constant) or isinstance(st.value, ast.Name)
                 and _a_module_constant(reading, st.value) or _a_class_named(reading, st.value, attr))
            for st in bodies) and all(
            _a_plain_class_statement(reading, cls) and _a_class_kept_to_its_statements(reading, cls) is not None
            for cls in reading.classes if any(st in cls.body for st in bodies)):
        return bodies
    return []


#: What reading a module's table may do with it: its items, by a key or a method that hands them back.
TABLE_READING_METHODS = frozenset({"get", "keys", "values", "items", "index", "count"})
#: Built-ins that read a table into a new value or container, handing the table itself to nothing.
#: (not `min`, `max`, `sum`, which may hand back the table itself: `max(D, D, key=id).update(...)`, `sum([], S)`,
#: attack round 118)
TABLE_READING_BUILTINS = frozenset({"len", "print", "list", "tuple", "sorted", "str", "repr", "dict", "set", "any",
                                    "all", "enumerate", "zip", "reversed", "iter"})


def _a_read_only_module_table(reading: _Reading, value: ast.AST) -> bool:
    """Whether ``value`` names a module's table of Python's immutable values that nothing changes: bound once, by
    ``NAME = {display of such values}`` (a dict, list or tuple), and read only, wherever the name is spelled: an
    item by a key (``DEFAULTS["start"]``), a method of :data:`TABLE_READING_METHODS`, a loop over it, the right
    side of ``in``, or an argument of :data:`TABLE_READING_BUILTINS`.  Not a name handed to any other call, however
    it returns (attack round 117: ``return fill(DEFAULTS)``, ``itertools.repeat(DEFAULTS)``), compared or an operand
    (``DEFAULTS == M()`` hands it to ``M.__eq__``), captured, an ``except`` name, nor a library object's attribute
    (``Exception(KEEP).args``)."""
    if not isinstance(value, ast.Name) or _local_scope_of(reading, value) is not None \
            or value.id in reading.imported or value.id in _captured_names(reading) \
            or value.id in reading.global_in_functions or value.id in _class_body_names(reading):
        return False
    bindings = [b for b, _ in reading.bindings.get(value.id, [])]
    if len(bindings) != 1 or not (isinstance(b := bindings[0], ast.Assign) and len(b.targets) == 1
                                  and isinstance(b.targets[0], ast.Name)):
        return False
    table = b.value
    if isinstance(table, ast.Call) and len(table.args) == 1 and not table.keywords \
            and _resolved_once(reading, table.func) == "types.MappingProxyType":
        table = table.args[0]  # (a read-only view of a display: fairness round 81)
    if isinstance(table, ast.Call) and isinstance(table.func, ast.Name) and table.func.id == "dict" \
            and _the_builtin(reading, table.func) and not table.args and table.keywords \
            and all(k.arg is not None for k in table.keywords):
        # `dict(start=0.0)`: the display `{"start": 0.0}` written as a call (fairness round 81)
        table = ast.Dict(keys=[ast.Constant(k.arg) for k in table.keywords], values=[k.value for k in table.keywords])
    if not (isinstance(table, (ast.Dict, ast.List, ast.Tuple))
            and all(k is None or isinstance(k, ast.Constant) for k in getattr(table, "keys", []))):
        return False
    nested = False
    if not _made_of_new_items(reading, table, immutable=True):
        # `{"sum": {"start": 0.0}, "max": {...}}`: a table of tables of such values, read two keys deep only
        # (`TABLE[kind]["start"]`), never an inner table handed out (fairness round 81)
        nested = isinstance(table, ast.Dict) and all(
            isinstance(v, ast.Dict) and all(isinstance(k, ast.Constant) for k in v.keys) for v in table.values) \
            and _made_of_new_items(reading, table, immutable=True, depth=2)
        if not nested:
            return False
    parents = _parents(reading)
    for node in reading.nodes:
        if isinstance(node, ast.ExceptHandler) and node.name == value.id:
            return False
        if not (isinstance(node, ast.Name) and node.id == value.id):
            continue
        if isinstance(node.ctx, ast.Store) and node is b.targets[0]:
            continue
        parent = parents.get(id(node))
        grand = parents.get(id(parent))
        # an item (of a nested table: an item of an item, never an inner table handed out), a loop over its keys,
        # `in`; of a flat one, a reading method or built-in too
        item = isinstance(parent, ast.Subscript) and parent.value is node and isinstance(parent.ctx, ast.Load) and (
            not nested or isinstance(grand, ast.Subscript) and grand.value is parent and isinstance(grand.ctx, ast.Load))
        if isinstance(node.ctx, ast.Load) and (
                item
                or isinstance(parent, (ast.For, ast.AsyncFor, ast.comprehension)) and parent.iter is node
                or isinstance(parent, ast.Compare) and node in parent.comparators and all(
                    isinstance(op, (ast.In, ast.NotIn)) for op in parent.ops)
                or not nested and (
                    isinstance(parent, ast.Attribute) and parent.attr in TABLE_READING_METHODS
                    and isinstance(grand, ast.Call) and grand.func is parent
                    and not any(isinstance(a, ast.Starred) for a in grand.args)
                    or isinstance(parent, ast.Call) and node in parent.args and isinstance(parent.func, ast.Name)
                    and parent.func.id in TABLE_READING_BUILTINS and _the_builtin(reading, parent.func)
                    and not parent.keywords)):  # (`sorted(D, key=fill)` hands its items on: they are new, but keys
            # of a table are not read)
            continue
        return False
    return True


def _a_class_named(reading: _Reading, value: ast.AST, attr: str) -> bool:
    """Whether ``value`` reads ``attr`` off a class of the submission's by its name (``ZERO = Acc.ZERO`` in a
    subclass's body: fairness round 77): one of the bindings :func:`_class_constants` proves, by induction."""
    # (the class binding it in its own body, a plain statement: not an enum's `_member_names_`, attack round 117)
    return isinstance(value, ast.Attribute) and value.attr == attr and isinstance(value.value, ast.Name) \
        and _local_scope_of(reading, value.value) is None and bool(bindings := reading.bindings.get(value.value.id)) \
        and all(isinstance(b, ast.ClassDef) and _a_plain_class_statement(reading, b) and any(
            isinstance(st, ast.Assign) and attr in _names_bound_by(st) and isinstance(st.value, ast.Constant)
            for st in b.body) for b, _ in bindings)


def _holds_new_values_only(reading: _Reading, attr: str, seen: frozenset = frozenset(), *,
                           immutable: bool = False) -> bool:
    """Whether every store of an attribute named ``attr``, on whatever object, gives it a value no other name holds:
    a new object or an immutable one (:func:`_a_new_value`), so that an in-place operator on what the attribute holds
    (``self.total += other``, ``total = self.total; total += other``) changes nothing outside the instance (attack
    round 108: ``self.items = KEEP`` in ``__init__``, then ``h.items += [other]``, extends the module's list; fairness
    round 74: ``self.total = start`` with ``start=0.0``, a float every call leaves alone).  A class body binding the
    name (a class attribute every instance shares), a loop, ``with`` or comprehension storing it, or ``setattr`` with
    a name the reader cannot read, are not proved.  Read by induction: a store of what the attribute itself held
    (``self.total = total``, ``total`` bound to ``self.total``) keeps what it holds new.  ``immutable``: values of
    Python's immutable kinds only (a number, a text, a tuple), which no in-place operator changes."""
    if attr.startswith("__") and attr.endswith("__") or _instance_dicts_updated(reading):
        return False  # (`self.__dict__.update(opts)` sets any attribute from what it is given: attack round 122)
    key = ("attribute", attr, immutable)
    if key in seen:
        return True
    seen = seen | {key}
    stores = 0
    if attr in _class_body_names(reading):
        # a class attribute every instance shares: a constant of Python's immutable kinds in plain class bodies
        # (`start = 0.0`: fairness round 76), or a dataclass's field of such kinds, which its __init__ sets from
        # what every call gives (fairness round 75: `total: float = 0.0`, `self.total += value`)
        bodies = _class_constants(reading, attr)
        if bodies:
            stores += len(bodies)
        else:
            fields = _dataclass_fields_named(reading, attr)
            if not fields or not all(_a_parameter_given_new(reading, cls, init, attr, seen, immutable=immutable)
                                     for cls, init in fields):
                return False
            stores += len(fields)

    def given(target: ast.AST, value: ast.AST | None) -> bool | None:
        """Whether ``target = value`` gives every attribute so named a new value (None: it binds none)."""
        if isinstance(target, ast.Attribute) and target.attr == attr:
            return value is not None and bool(_a_new_value(reading, value, seen, immutable=immutable))
        if isinstance(target, ast.Subscript):
            return None  # (an item of what it holds; unless its key is the name: below)
        if isinstance(target, (ast.Tuple, ast.List)):
            if not any(isinstance(t, ast.Attribute) and t.attr == attr for t in ast.walk(target)):
                return None
            if isinstance(value, (ast.Tuple, ast.List)) and len(value.elts) == len(target.elts) and not any(
                    isinstance(t, ast.Starred) for t in target.elts):
                found = [given(t, v) for t, v in zip(target.elts, value.elts)]
                return None if all(f is None for f in found) else all(f is not False for f in found)
            return False  # (`x, (self.items,) = 0, (KEEP,)` is read element by element; an unpacked call is not)
        return None

    for node in reading.nodes:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            if isinstance(node, ast.AnnAssign) and isinstance(_parents(reading).get(id(node)), ast.ClassDef):
                continue  # (a dataclass's field: above)
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                if any(isinstance(t, ast.Subscript) and isinstance(t.slice, ast.Constant) and t.slice.value == attr
                       for t in ast.walk(target)) and not (
                        node.value is not None and _a_new_value(reading, node.value, seen, immutable=immutable)):
                    return False  # (`obj.__dict__["items"] = KEEP`)
                found = given(target, node.value)
                if found is False:
                    return False
                stores += found is True
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Attribute) and node.target.attr == attr:
            if immutable and not _a_new_value(reading, node.value, seen, immutable=True):
                return False  # (`BOX.start *= []`: a number times a list is a list, attack round 114)
            if _an_operator_of_its_own(reading, node.op, ("r",)):
                return False  # (`BOX.total += T()` with `T.__radd__` handing back a module's list: attack round 109;
                # what the attribute held is of Python's own kinds, whose operators are Python's)
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension, ast.withitem, ast.NamedExpr)):
            target = getattr(node, "optional_vars", None) if isinstance(node, ast.withitem) else node.target
            if target is not None and any(isinstance(t, ast.Attribute) and t.attr == attr for t in ast.walk(target)):
                return False
        elif isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name) and node.func.id == "setattr" and len(node.args) >= 2 and not (
                    isinstance(node.args[1], ast.Constant) and node.args[1].value != attr):
                if not (isinstance(node.args[1], ast.Constant) and len(node.args) == 3
                        and _a_new_value(reading, node.args[2], seen, immutable=immutable)):
                    return False
                stores += 1
            if isinstance(node.func, ast.Attribute) and node.func.attr == "__setattr__" and len(node.args) >= 2 \
                    and not (isinstance(node.args[-2], ast.Constant) and node.args[-2].value != attr):
                # (`object.__setattr__(self, "total", v)`, `super().__setattr__("total", v)`: a store, attack
                # round 122)
                if not (isinstance(node.args[-2], ast.Constant)
                        and _a_new_value(reading, node.args[-1], seen, immutable=immutable)):
                    return False
                stores += 1
            if any(k.arg == attr and not _a_new_value(reading, k.value, seen, immutable=immutable)
                   for k in node.keywords):
                return False  # (`SimpleNamespace(items=KEEP)`, a library base's keyword)
            if len(node.args) == 3 and isinstance(node.args[2], ast.Dict) and any(
                    not (isinstance(k, ast.Constant) and k.value != attr) and not (
                        k is not None and _a_new_value(reading, v, seen, immutable=immutable))
                    for k, v in zip(node.args[2].keys, node.args[2].values)):
                return False  # (a class a call makes from a namespace, of any metaclass: `type(Acc)("Sub", (Acc,),
                # {"start": KEEP})`, attack round 113)
    return stores > 0  # (an attribute no statement sets is set by code the reader does not see: a library base's
    # __init__, `type("Box", (Base,), {"total": KEEP})`, a namedtuple's defaults: attack round 109)


def _a_new_value(reading: _Reading, value: ast.AST, seen: frozenset = frozenset(), *,
                 immutable: bool = False) -> bool:
    """Whether ``value`` is a value of Python's own kinds that no other name holds, or one no in-place operator
    changes, and whose in-place operators hand back itself or a new value: a constant, an f-string, a display or
    comprehension, a new list, dict, set, tuple or number made by an unshadowed built-in, a copy (``.copy()``,
    ``.clone()``, not a class's own method), arithmetic on such values; an attribute that holds such values only
    (:func:`_holds_new_values_only`); a local bound to such values only (an in-place operator on it rebinds it to
    what its operator computed); a parameter of a plain class's ``__init__`` that every call of the class gives such
    a value (:func:`_a_parameter_given_new`).  Not an instance of the submission's class, whose ``__add__`` or
    ``__iadd__`` may hand back what it is given (``Acc() + KEEP``).  ``seen``: what is being proved (a store of
    itself keeps it so); ``immutable``: of Python's immutable kinds only (no display but a tuple's, no copy)."""
    if isinstance(value, ast.Tuple) and immutable:
        # (a tuple whose items are: not `(KEEP,)`, whose item an in-place operator changes, attack round 114)
        return all(_a_new_value(reading, e, seen, immutable=True) for e in value.elts)
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in ("tuple", "frozenset") \
            and _the_builtin(reading, value.func) and len(value.args) <= 1 and not value.keywords:
        return all((not immutable or _a_container_of_immutables(reading, a)) for a in value.args)
    if isinstance(value, (ast.Constant, ast.Tuple)) or _a_text_made(value) or not immutable and isinstance(
            value, (ast.List, ast.Set, ast.Dict, ast.ListComp, ast.SetComp, ast.DictComp)):
        return True
    if isinstance(value, ast.Compare):  # (`is`, `in`: a bool; `==` and `<` hand back what a special method makes)
        return all(isinstance(op, (ast.Is, ast.IsNot, ast.In, ast.NotIn)) for op in value.ops)
    if isinstance(value, ast.UnaryOp) and isinstance(value.op, ast.Not):
        return True
    if isinstance(value, ast.BinOp):
        # values of Python's own kinds: Python's own operators; one a number, a text or a tuple: a new value of
        # Python's, or what the other's class makes (`self.total + other.total`: fairness round 75)
        if all(_a_new_value(reading, v, seen, immutable=immutable) for v in (value.left, value.right)):
            return True
        # (one side a number, a text or a tuple: a new value, not one of Python's immutable kinds, `[] * 1`; an
        # operator no class of the submission's defines: what Python's or a library's makes, a new value or an
        # immutable one, `out_h * out_w * kh * kw` of a classmethod's parameters, fairness round 74)
        return not immutable and (
            _a_new_value(reading, value.left, seen, immutable=True)
            and not _an_operator_of_its_own(reading, value.op, ("r",))
            or _a_new_value(reading, value.right, seen, immutable=True)
            and not _an_operator_of_its_own(reading, value.op, ("",))
            or _operators_hand_back_new(reading, value.op))
    if isinstance(value, ast.UnaryOp):
        return _a_new_value(reading, value.operand, seen, immutable=immutable)
    if isinstance(value, ast.BoolOp):
        return all(_a_new_value(reading, v, seen, immutable=immutable) for v in value.values)
    if isinstance(value, ast.IfExp):
        return all(_a_new_value(reading, v, seen, immutable=immutable) for v in (value.body, value.orelse))
    if isinstance(value, ast.Call):
        func = value.func
        if isinstance(func, ast.Name):
            return func.id in (IMMUTABLE_VALUE_BUILTINS if immutable else NEW_OBJECT_BUILTINS) \
                and _the_builtin(reading, func) and not (
                    func.id in CONVERTING_BUILTINS and _own_member_names(reading) & CONVERTING_DUNDERS)
        if isinstance(func, ast.Attribute) and func.attr == "get" and 1 <= len(value.args) <= 2 and not value.keywords \
                and all(_a_new_value(reading, a, seen, immutable=True) for a in value.args):
            # (a mapping's item or its default, both of Python's immutable kinds: `DEFAULTS.get("start", 0.0)`,
            # fairness round 78)
            return _a_read_only_module_table(reading, func.value)
        if isinstance(func, ast.Attribute) and func.attr in NUMBER_METHODS and not value.args \
                and not value.keywords and func.attr not in _own_member_names(reading) \
                and (_makes_no_object_arrays(reading) or _a_tensor_made_here(reading, func.value)) \
                and func.attr not in _class_body_names(reading):
            return True  # (`diff.abs().max().item()`: a tensor's Python number, fairness round 73)
        if isinstance(func, ast.Attribute) and not value.args and not value.keywords \
                and _a_constant_method(reading, func):
            return True  # (`self.zero()` of a static method returning 0.0: fairness rounds 80 and 81)
        return not immutable and isinstance(func, ast.Attribute) and _a_copying_method(reading, func.attr) \
            and not (isinstance(func.value, ast.Name) and func.value.id in reading.imported)
    if isinstance(value, ast.Attribute):
        receiver = value.value
        if isinstance(receiver, ast.Call) and isinstance(receiver.func, ast.Name) and receiver.func.id == "type" \
                and _the_builtin(reading, receiver.func) and len(receiver.args) == 1 and not receiver.keywords \
                or isinstance(receiver, ast.Attribute) and receiver.attr == "__class__":
            # `type(self).ZERO`, `self.__class__.ZERO` of an instance of a plain class: its class's attribute (or a
            # subclass's), which every class body binding it and every store of it proves (fairness rounds 80, 81)
            inner = receiver.args[0] if isinstance(receiver, ast.Call) else receiver.value
            return isinstance(inner, ast.Name) and _an_instance_of_a_plain_class(reading, inner) \
                and _holds_new_values_only(reading, value.attr, seen, immutable=immutable)
        # (a bool, never None: a store on a function's parameter, `dst.total = src.items`, answered None, which
        # _holds_new_values_only read as "binds nothing", attack round 123)
        return bool(isinstance(value.value, ast.Name) and (_an_instance_of_a_plain_class(reading, value.value) or (
            bindings := reading.bindings.get(value.value.id)) and _local_scope_of(reading, value.value) is None and all(
            isinstance(b, ast.ClassDef) and _a_plain_class_statement(reading, b) for b, _ in bindings))
            and _holds_new_values_only(reading, value.attr, seen, immutable=immutable))  # (`Acc.start`)
    if isinstance(value, ast.Subscript) and isinstance(value.ctx, ast.Load) and not isinstance(value.slice, ast.Slice) \
            and not _may_be_a_slice(reading, value.slice):
        # an item of a module's table of Python's immutable values (`DEFAULTS["start"]`, `STARTS[1]`: fairness
        # round 78), not a slice, a new container of them; an item of its item (`TABLE[kind]["start"]`: round 81)
        table = value.value
        if isinstance(table, ast.Subscript) and isinstance(table.ctx, ast.Load) \
                and not isinstance(table.slice, ast.Slice) and not _may_be_a_slice(reading, table.slice):
            table = table.value
        return _a_read_only_module_table(reading, table)
    if not isinstance(value, ast.Name):
        return False
    scope = _local_scope_of(reading, value)
    if not isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
        if scope is None:
            return _a_module_constant(reading, value, seen)
        if isinstance(scope, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            # (`Params(a * b, b) for a, b in zip(_sizes, _sizes[1:])` over a list of numbers: fairness round 74)
            return any(value.id in _names_bound_by_target(g.target) for g in scope.generators) and all(
                _an_item_of_immutables(reading, g.target, g.iter, value.id) for g in scope.generators
                if value.id in _names_bound_by_target(g.target))
        return False  # (a module's name, a lambda's: what else holds it is not followed)
    key = ("name", id(scope), value.id, immutable)
    if key in seen:
        return True
    seen = seen | {key}
    if value.id in _parameter_names(scope):
        if _rebound_in(scope, value.id):
            return False  # (`value = KEEP`, `for start in [KEEP]` in the function: attack round 115)
        owner = _parents(reading).get(id(scope))
        if isinstance(owner, ast.ClassDef) and scope.name == "__setitem__" and not scope.decorator_list and [
                a.arg for a in scope.args.posonlyargs + scope.args.args][2:] == [value.id]:
            return _an_item_stored_new(reading, owner, seen, immutable=immutable)
        if isinstance(owner, ast.ClassDef) and not scope.name.startswith("__"):
            return _a_method_parameter_given_new(reading, owner, scope, value.id, seen, immutable=immutable)
        return isinstance(owner, ast.ClassDef) and scope.name == "__init__" and not scope.decorator_list \
            and _a_parameter_given_new(reading, owner, scope, value.id, seen, immutable=immutable)
    values, in_place = [], []
    for node in _walk_scope_body(scope):
        if isinstance(node, ast.Name) and node.id == value.id and isinstance(node.ctx, (ast.Store, ast.Del)):
            binding = _parents(reading).get(id(node))
            if isinstance(binding, ast.AugAssign) and binding.target is node:
                in_place.append(binding)  # (what the operator computed: a new value, unless a class of the
                continue  # submission's computes it, below)
            loop = binding
            while isinstance(loop, (ast.Tuple, ast.List)):
                loop = _parents(reading).get(id(loop))
            if isinstance(loop, (ast.For, ast.AsyncFor)) and value.id in _names_bound_by_target(loop.target) \
                    and _an_item_of_immutables(reading, loop.target, loop.iter, value.id):
                values.append(ast.Constant(value=0))  # (`for k in (3, 5)`: a number)
                continue
            if not (isinstance(binding, (ast.Assign, ast.AnnAssign)) and binding.value is not None
                    and node in (binding.targets if isinstance(binding, ast.Assign) else [binding.target])):
                return False  # (a loop's, an unpacking's, a `with`'s, a walrus's...)
            values.append(binding.value)
        elif isinstance(node, (ast.Global, ast.Nonlocal)) and value.id in node.names:
            return False
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.ExceptHandler,
                               ast.Import, ast.ImportFrom, ast.MatchAs, ast.MatchStar, ast.MatchMapping)) and value.id in (
                getattr(node, "name", None), getattr(node, "rest", None),
                *(((a.asname or a.name).split(".")[0] for a in node.names)
                  if isinstance(node, (ast.Import, ast.ImportFrom)) else ())):
            return False
    if not immutable and not all(_a_new_value(reading, v, seen, immutable=True) for v in values) and sum(
            1 for n in _walk_scope_body(scope) if isinstance(n, ast.Name) and n.id == value.id
            and isinstance(n.ctx, ast.Load)) > 1:
        return False  # (a new list read elsewhere too: `x = []; KEEP.append(x); self.items = x`, attack round 109)
    if not all(_operators_hand_back_new(reading, b.op, in_place=True, immutable=immutable) for b in in_place):
        return False  # (`k = 0.0; k += T()` with T.__radd__ handing back a module's list: attack round 115)
    if immutable and any(not _a_new_value(reading, b.value, seen, immutable=True) and (
            isinstance(b.op, (ast.Mult, ast.MatMult)) or any(isinstance(v, ast.Tuple) or isinstance(
                v, ast.Call) and isinstance(v.func, ast.Name) and v.func.id == "tuple" for v in values))
            for b in in_place):
        return False  # (`k = 1; k *= []`, a list; `t = (); t += x`, x's items: attack round 115; a number's sum
        # with anything is a number or a new value: fairness rounds 73 to 75's `count += other.count`)
    return bool(values) and all(_a_new_value(reading, v, seen, immutable=immutable) for v in values)


#: A container's methods that put no item in it (or hand back a shallow copy of it).
ITEM_READING_METHODS = frozenset({"count", "index", "copy", "pop", "remove", "clear", "sort", "reverse", "keys",
                                  "values", "items", "get", "popitem", "discard"})
#: ... and those that put in an item: the argument that is the item, or, negative, the one holding items to put in.
ITEM_PUTTING_METHODS = {"append": 0, "add": 0, "insert": 1, "setdefault": 1, "extend": -1, "update": -1}


def _made_of_new_items(reading: _Reading, value: ast.AST, *, immutable: bool = True, depth: int = 1) -> bool:
    """Whether ``value`` is a display, comprehension or repeated display whose items are new values
    (:func:`_a_new_value`; with ``immutable``, of Python's immutable kinds: ``[0.0] * len(self)``, ``[0 for _ in
    row]``, ``{"max": float("-inf")}``), whatever the repeat count is, unless a class of the submission's makes the
    product; with ``depth`` above 1, items that are such displays themselves, that many levels down (``[[0.0] * w
    for _ in range(h)]``, not ``[[KEEP]]``: attack round 114)."""
    def an_item(item: ast.AST) -> bool:
        return _a_new_value(reading, item, immutable=immutable) if depth == 1 else _made_of_new_items(
            reading, item, immutable=immutable, depth=depth - 1)

    displays = (ast.List, ast.Tuple, ast.ListComp)
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Mult) and (
            isinstance(value.left, displays) != isinstance(value.right, displays)):
        display, side = (value.left, "r") if isinstance(value.left, displays) else (value.right, "")
        return _made_of_new_items(reading, display, immutable=immutable, depth=depth) and not _an_operator_of_its_own(
            reading, value.op, (side,))
    if isinstance(value, ast.BinOp) and isinstance(value.op, (ast.Mult, ast.Add)):
        return all(_made_of_new_items(reading, side, immutable=immutable, depth=depth) if isinstance(side, displays)
                   else depth == 1 and _a_new_value(reading, side, immutable=True) for side in (value.left, value.right))
    if isinstance(value, ast.ListComp):
        return an_item(value.elt)
    if isinstance(value, (ast.List, ast.Tuple, ast.Set, ast.Dict)):
        return all(an_item(e) for e in (value.values if isinstance(value, ast.Dict) else value.elts))
    return False


def _items_new(reading: _Reading, attr: str | None, *, immutable: bool = True, seen: frozenset = frozenset(),
               depth: int = 1) -> bool:
    """Whether every item an attribute named ``attr`` holds, on whatever object, is a new value (with ``immutable``,
    of Python's immutable kinds; with ``depth`` above 1, the items of its items, that many levels down), so that an
    item of it changed in place changes nothing else (not ``self.v = [KEEP]``: attack round 110): it is stored
    somewhere, and every use of it, anywhere, keeps its items so (:func:`_keeps_items_new`: not
    ``self.v.append(KEEP)``, ``self.v += [KEEP]``, ``vals = self.v; vals.insert(0, KEEP)``: attack round 113)."""
    if attr is None or attr in _class_body_names(reading) or any(
            isinstance(n, ast.Call) and (isinstance(n.func, ast.Name) and n.func.id in ("setattr", "getattr")
                                         or isinstance(n.func, ast.Attribute) and n.func.attr == "__getattribute__")
            and not (len(n.args) > 1 and isinstance(n.args[1], ast.Constant) and n.args[1].value != attr)
            or isinstance(n, (ast.Name, ast.Attribute)) and _resolved(reading, n) == "operator.attrgetter"
            for n in reading.nodes):
        return False  # (the attribute by its name: `getattr(self, "v").append(KEEP)`, attack round 114)
    seen = seen | {("attribute", attr, depth)}
    uses = [n for n in reading.nodes if isinstance(n, ast.Attribute) and n.attr == attr]
    return any(isinstance(n.ctx, ast.Store) for n in uses) and all(
        _keeps_items_new(reading, n, seen, immutable=immutable, depth=depth) for n in uses)


def _a_local_of_new_items(reading: _Reading, scope: ast.AST, name: str, seen: frozenset = frozenset(), *,
                          immutable: bool = True, depth: int = 1) -> bool:
    """Whether a function's local ``name`` holds only containers whose items are new values (with ``immutable``, of
    Python's immutable kinds; ``depth`` as :func:`_items_new`'s): every use of it in the function, a nested one's
    too, keeps them so (:func:`_keeps_items_new`: not ``o = [0.0]; o.append(KEEP); o[-1] += other``)."""
    if name in _parameter_names(scope) or name in _captured_names(reading) or any(
            isinstance(n, (ast.Global, ast.Nonlocal)) and name in n.names for n in ast.walk(scope)):
        return False
    uses = [n for n in ast.walk(scope) if isinstance(n, ast.Name) and n.id == name]
    return any(isinstance(n.ctx, ast.Store) for n in uses) and all(
        _keeps_items_new(reading, n, seen, immutable=immutable, depth=depth) for n in uses)


#: Built-ins that read a container's items into a number, a text or nothing, handing none of them on.
ITEM_COUNTING_BUILTINS = frozenset({"len", "print", "str", "repr", "bool", "any", "all"})


def _keeps_items_new(reading: _Reading, node: ast.AST, seen: frozenset = frozenset(), *,
                     immutable: bool = True, depth: int = 1) -> bool:
    """Whether where ``node`` (an attribute or a local standing for a container) stands puts in it only new items
    (with ``immutable``, of Python's immutable kinds; with ``depth`` above 1, containers whose items are so, that
    many levels down) and hands it to nothing that may put in others: a store of :func:`_made_of_new_items`, an item
    stored that is such a value (a slice's, such items), an item changed in place by Python's own operators, a call
    of :data:`ITEM_READING_METHODS` or of :data:`ITEM_PUTTING_METHODS` handed such items, a loop over it, a
    comparison, an operator's operand (a new value), what :data:`PURE_BUILTINS` and :data:`PURE_FUNCTIONS` read,
    unpacking, and an alias local to a function that keeps them so too; an item, where ``depth`` is above 1, used
    as such a container itself.  A copy's items are what it copied: ``self.v = list(values)`` is read as new items
    where neither ``immutable`` nor depth is asked (fairness round 75's ``Vec``), leaving a copy of a module's list
    of lists to the worker's trace."""
    parents = _parents(reading)
    parent = parents.get(id(node))
    ctx = getattr(node, "ctx", None)

    def an_item(value: ast.AST) -> bool:
        return _a_new_value(reading, value, immutable=immutable) if depth == 1 else _made_of_new_items(
            reading, value, immutable=immutable, depth=depth - 1)

    def items(value: ast.AST) -> bool:
        return _made_of_new_items(reading, value, immutable=immutable, depth=depth)

    if isinstance(ctx, ast.Del):
        return True
    if isinstance(ctx, ast.Store):
        if isinstance(parent, ast.Assign) and node in parent.targets or isinstance(
                parent, ast.AnnAssign) and parent.target is node:
            value = parent.value
            if isinstance(value, ast.Attribute) and isinstance(node, ast.Name):
                # (an alias: `v = self.v; v[i] += value`, fairness round 75)
                return ("attribute", value.attr, depth) in seen or _items_new(
                    reading, value.attr, immutable=immutable, seen=seen, depth=depth)
            # (a copy of what is not a display: `list(values)`; a display, or a copy of one, by its items)
            return value is not None and (items(value) or not immutable and depth == 1 and isinstance(
                value, ast.Call) and not any(isinstance(a, (ast.List, ast.Tuple, ast.Set, ast.Dict, ast.ListComp))
                                             for a in value.args) and _makes_a_new_object(reading, value))
        if isinstance(parent, ast.AugAssign) and parent.target is node:
            if isinstance(parent.op, (ast.Add, ast.BitOr)):
                return items(parent.value)  # (`self.v += [0.0]`, not `+= [KEEP]`)
            return isinstance(parent.op, ast.Mult) and _a_new_value(reading, parent.value, immutable=True) \
                and not _an_operator_of_its_own(reading, parent.op, ("r",))
        return False  # (a loop's, a `with`'s, an unpacking's: `for self.v in [[KEEP]]`)
    if isinstance(parent, ast.Subscript) and parent.value is node:
        if isinstance(parent.ctx, ast.Store):
            statement = parents.get(id(parent))
            # an item's key, or a slice's, whose store puts in the items of what it is given (`self.v[0:0] =
            # (KEEP,)`, `o[:0] += [KEEP]`, `o[slice(0, 0)]`: attack round 114); a key the reader cannot tell from a
            # slice object, both (an index an operand hands, `(i, j), value = item`, is read as one: left open)
            key = parent.slice
            many = isinstance(key, ast.Slice) or _may_be_a_slice(reading, key)
            one = not isinstance(key, ast.Slice)
            if isinstance(statement, ast.Assign) and parent in statement.targets or isinstance(
                    statement, ast.AnnAssign) and statement.target is parent:
                value = statement.value
                if isinstance(value, ast.Subscript) and ast.dump(value.value) == ast.dump(node):
                    return True  # (`v[-1] = v[-1]`: an item of its own)
                return value is not None and (not one or an_item(value)) and (not many or items(value))
            if isinstance(statement, ast.AugAssign) and statement.target is parent:
                # (an item of Python's immutable kinds: a new one, what Python's operator makes of it and a value of
                # such kinds, or, where only new items are asked, of anything, unless a class of the submission's
                # makes it: `__radd__` handing back a module's object; an item that is a container: extended by
                # such items)
                if depth > 1:
                    return isinstance(statement.op, ast.Add) and (not one or _made_of_new_items(
                        reading, statement.value, immutable=immutable, depth=depth - 1)) and (
                        not many or items(statement.value))
                return (not one or _a_new_value(reading, statement.value, immutable=True) or not (
                    immutable and isinstance(statement.op, ast.Mult)) and not _an_operator_of_its_own(
                    reading, statement.op, ("r",))) and (
                    not many or isinstance(statement.op, ast.Add) and items(statement.value))
            return False
        # an item read, or deleted; where its items are asked of too, what is done with it, and with a slice of
        # it, which holds the same items (`self.v[0:1][0].append(KEEP)`: attack round 115)
        return depth == 1 or _keeps_items_new(reading, parent, seen, immutable=immutable, depth=depth - (
            not isinstance(parent.slice, ast.Slice)))
    if isinstance(parent, ast.Attribute) and parent.value is node:
        call = parents.get(id(parent))
        if not (isinstance(call, ast.Call) and call.func is parent) or parent.attr.startswith("__") or any(
                isinstance(a, ast.Starred) for a in call.args):
            return False  # (`put = self.v.append`, `self.v.__iadd__(...)`)
        if parent.attr in ITEM_READING_METHODS and not call.keywords:
            return depth == 1 or parent.attr in ("count", "index", "remove", "clear", "sort", "reverse", "discard")
        where = ITEM_PUTTING_METHODS.get(parent.attr)
        if where is None:
            return False
        if where < 0:
            # (`extend(display)`: its items; `update({...})`: its values, not an iterable of pairs, whose second
            # items it puts in: `update((("k", KEEP),))`, attack round 114)
            return len(call.args) <= 1 and all(
                all(an_item(v) for v in a.values) if isinstance(a, ast.Dict) else parent.attr != "update" and items(a)
                for a in call.args) and all(k.arg is not None and an_item(k.value) for k in call.keywords)
        return len(call.args) > where and not call.keywords and an_item(call.args[where])
    if isinstance(parent, ast.BinOp) and depth > 1:
        return _keeps_items_new(reading, parent, seen, immutable=immutable, depth=depth)  # (`(self.v + [])[0]`)
    if isinstance(parent, (ast.Compare, ast.BinOp)) or depth == 1 and (
            isinstance(parent, (ast.For, ast.AsyncFor, ast.comprehension)) and parent.iter is node
            or isinstance(parent, ast.Starred) and isinstance(parent.ctx, ast.Load)
            or isinstance(parent, ast.AugAssign) and parent.value is node):
        return True  # (its items read; a new value made of them; another target extended by them; not, where its
        # items' items are asked of, what hands its items on)
    if isinstance(parent, ast.Call) and node in parent.args and (
            isinstance(parent.func, ast.Name) and parent.func.id in (
                PURE_BUILTINS if depth == 1 else ITEM_COUNTING_BUILTINS) and _the_builtin(reading, parent.func)
            or (_resolved(reading, parent.func) or "").startswith(
                PURE_FUNCTIONS if depth == 1 else ("torch.", "numpy."))):
        return True  # (`sum(self.v)`, `torch.tensor(self.grid)`: fairness round 75; not, where its items' items
        # are asked of, `copy.copy(self.v)[0]`, `operator.getitem(self.v, 0)`: attack round 115)
    if isinstance(node, ast.Name) and isinstance(parent, ast.Call) and node in parent.args and isinstance(
            parents.get(id(parent)), ast.Return) and not any(
                isinstance(a, ast.Try) and a.finalbody for a in _ancestors(reading, parent)):
        return True  # (a function's local handed on as it returns, `return Vec(out)`: nothing of the function's
        # changes its items after; fairness round 75)
    if isinstance(parent, ast.Assign) and parent.value is node and len(parent.targets) == 1 and isinstance(
            parent.targets[0], ast.Name):
        scope = _local_scope_of(reading, parent.targets[0])
        if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
            key = (id(scope), parent.targets[0].id, depth)
            return key in seen or _a_local_of_new_items(reading, scope, parent.targets[0].id, seen | {key},
                                                        immutable=immutable, depth=depth)
    return False  # (handed on, returned, kept in another object: what may put items in it is not followed)


def _a_module_constant(reading: _Reading, name: ast.Name, seen: frozenset = frozenset()) -> bool:
    """Whether a module's ``name`` (read outside any function) is bound only by plain assignments of values of
    Python's immutable kinds (``ZERO = 0.0``, ``NEG_INF: Final = float("-inf")``: fairness round 77), which no
    in-place operator changes: not a class body's own name, an import, nor a name a loop, ``with``, ``def`` or a
    function's ``global`` binds otherwise."""
    around = _ancestors(reading, name)
    scope = next((p for p in around if isinstance(p, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda,
                                                      ast.ClassDef))), None)
    if name.id in reading.imported or name.id in _class_body_names(reading) or isinstance(
            scope, ast.ClassDef) and any(isinstance(p, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
                                         for p in around) or scope is not None and not isinstance(
            scope, ast.ClassDef) and _local_scope_of(reading, name) is not None:
        return False  # (a class body's own name, or, in a class in a function, the function's: attack round 115)
    key = ("module constant", name.id)
    if key in seen:
        return True
    bindings = [b for b, _ in reading.bindings.get(name.id, [])]
    return bool(bindings) and all(
        (value := _the_value_bound(b, name.id)) is not None
        and _a_new_value(reading, value, seen | {key}, immutable=True) for b in bindings)


def _the_value_bound(binding: ast.AST, name: str) -> ast.AST | None:
    """What a plain assignment binds to ``name``: its value, where every target is a name (``ZERO = 0.0``,
    ``NEG_INF: Final = float("-inf")``), or the display's item at the name's place, where a target unpacks a tuple
    or list display of as many items, none starred (``ZERO, ONE = 0.0, 1.0``: fairness round 78); None for any other
    binding."""
    if isinstance(binding, ast.AnnAssign):
        return binding.value if isinstance(binding.target, ast.Name) else None
    if not isinstance(binding, ast.Assign):
        return None
    if all(isinstance(t, ast.Name) for t in binding.targets):
        return binding.value
    if len(binding.targets) != 1 or not isinstance(binding.value, (ast.Tuple, ast.List)):
        return None
    names = [t.id if isinstance(t, ast.Name) else None for t in getattr(binding.targets[0], "elts", [None])]
    if not isinstance(binding.targets[0], (ast.Tuple, ast.List)) or None in names or names.count(name) != 1 \
            or len(names) != len(binding.value.elts) or any(isinstance(e, ast.Starred) for e in binding.value.elts):
        return None
    return binding.value.elts[names.index(name)]


def _ancestors(reading: _Reading, node: ast.AST) -> list[ast.AST]:
    """The nodes ``node`` stands in, innermost first."""
    parents, found = _parents(reading), []
    while (node := parents.get(id(node))) is not None:
        found.append(node)
    return found


def _names_bound_by_target(target: ast.AST) -> list[str]:
    """The names a loop's or a comprehension's target binds, when it is a name or a tuple of names ([] otherwise)."""
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)) and all(isinstance(t, ast.Name) for t in target.elts):
        return [t.id for t in target.elts]
    return []


#: Built-ins whose items are those of their first argument, or of each argument (``zip``), or numbers (``range``).
ITEM_KEEPING_BUILTINS = frozenset({"reversed", "sorted", "list", "tuple", "iter", "set", "frozenset"})


def _an_item_of_immutables(reading: _Reading, target: ast.AST, iterable: ast.AST, name: str) -> bool:
    """Whether ``name``, bound by a loop's or a comprehension's ``target`` over ``iterable``, is always of Python's
    immutable kinds: an item of a container whose items are (:func:`_a_container_of_immutables`), a ``range``'s
    number, an ``enumerate``'s index, or a tuple ``zip`` or ``enumerate`` makes of such items."""
    names = _names_bound_by_target(target)
    position = None if isinstance(target, ast.Name) else names.index(name)
    while isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Name) and len(iterable.args) == 1 \
            and not iterable.keywords and iterable.func.id in ITEM_KEEPING_BUILTINS \
            and _the_builtin(reading, iterable.func):
        iterable = iterable.args[0]
    if not (isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Name)
            and iterable.func.id in ("range", "zip", "enumerate") and _the_builtin(reading, iterable.func)):
        return position is None and _a_container_of_immutables(reading, iterable)
    if any(isinstance(a, ast.Starred) for a in iterable.args) or iterable.keywords and iterable.func.id != "enumerate":
        return False
    if iterable.func.id == "range":
        return position is None and all(_a_new_value(reading, a, immutable=True) for a in iterable.args)
    items = iterable.args if iterable.func.id == "zip" else [ast.Constant(value=0), *iterable.args[:1]]
    if iterable.func.id == "enumerate" and not (len(iterable.args) == 1 and all(
            k.arg == "start" and _a_new_value(reading, k.value, immutable=True) for k in iterable.keywords)):
        return False
    chosen = items if position is None else items[position:position + 1]
    return bool(chosen) and all(isinstance(c, ast.Constant) or _a_container_of_immutables(reading, c) for c in chosen)


def _a_container_of_immutables(reading: _Reading, value: ast.AST) -> bool:
    """Whether every item of ``value`` is of Python's immutable kinds: a display of such items
    (:func:`_made_of_new_items`), a slice of such a container, or a local, a module's name or an attribute every
    use of which keeps them so (:func:`_a_local_of_new_items`, :func:`_items_new`)."""
    if isinstance(value, ast.Subscript) and isinstance(value.slice, ast.Slice):
        return _a_container_of_immutables(reading, value.value)
    if isinstance(value, ast.Attribute):
        return _items_new(reading, value.attr)
    if not isinstance(value, ast.Name):
        return _made_of_new_items(reading, value)
    scope = _local_scope_of(reading, value)
    if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return _a_local_of_new_items(reading, scope, value.id)
    if scope is not None or value.id in reading.imported or value.id in _captured_names(reading) or any(
            isinstance(n, ast.Global) and value.id in n.names for n in reading.nodes):
        return False
    uses = [n for n in reading.nodes if isinstance(n, ast.Name) and n.id == value.id
            and _local_scope_of(reading, n) is None]
    return any(isinstance(n.ctx, ast.Store) for n in uses) and all(_keeps_items_new(reading, n) for n in uses)


def _an_instance_of_a_plain_class(reading: _Reading, name: ast.Name) -> bool:
    """Whether ``name`` is the first parameter of a method of a plain class of the submission's (whose attributes
    only the submission's statements set: not a library base's ``__init__``, nor a class ``type(...)`` or
    ``namedtuple`` makes: attack round 109's ``class Box(collections.ChainMap)``)."""
    scope = _local_scope_of(reading, name)
    owner = _parents(reading).get(id(scope)) if scope is not None else None
    # (and the class kept to its statements, its methods that take an instance never reached through the class:
    # `Acc.give([KEEP], acc)`, `type(self).give(...)`, `map(Acc.give, ...)` run a method with any object as its
    # `self`, whose `self.total`, `self.ZERO` or `self.pop()` is then that object's: attack round 123)
    return isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)) and isinstance(owner, ast.ClassDef) \
        and [a.arg for a in scope.args.posonlyargs + scope.args.args][:1] == [name.id] \
        and _a_plain_method(reading, owner, scope) \
        and (_a_plain_class_statement(reading, owner) or not owner.bases and not owner.keywords and len(
            owner.decorator_list) == 1 and _a_bare_dataclass(reading, owner.decorator_list[0])) \
        and _a_class_kept_to_its_statements(reading, owner) is not None


def _a_plain_method(reading: _Reading, owner: ast.ClassDef, method: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Whether Python calls ``method`` of ``owner`` with an instance first, as a plain ``def`` of the class body: no
    decorator but the built-in ``property``, a ``.setter``/``.getter``/``.deleter`` of a property the body makes so, or
    torch's gradient settings (:func:`_a_grad_mode_decorator`) (another may call it with anything: ``sm = staticmethod; @sm``, ``@functools.wraps``, a wrapper swapping its
    arguments, ``@P.setter`` of a class ``P`` whose ``setter`` is ``classmethod``: attack round 126), and its name bound
    once in the body and never read there (``ops = (give,)``, ``give2 = staticmethod(give)`` hand the function out
    unbound: attack round 126)."""
    body = list(_class_scope_statements(owner))
    properties = _property_names(reading, owner)
    for d in method.decorator_list:
        if not (_a_property_decorator(reading, d, properties) or _a_grad_mode_decorator(reading, d)):
            return False  # (`@torch.no_grad()` calls the def with what it is given: fairness round 86)
    bindings = [st for st in body if method.name in _names_bound_by(st) or isinstance(
        st, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and st.name == method.name]
    if len(bindings) != 1 and not (method.name in properties and all(
            isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)) and st.decorator_list and all(
                _a_property_decorator(reading, d, properties) for d in st.decorator_list) for st in bindings)):
        return False  # (bound again: `give = swap(give)`; a property's getter and setter share their name)
    for st in body:
        if st is method or isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)) and st.name in properties:
            nodes = [d for d in getattr(st, "decorator_list", ()) if st is not method]
        elif isinstance(st, ast.Assign) and all(isinstance(t, ast.Name) for t in st.targets) \
                and isinstance(st.value, ast.Name) and st.value.id == method.name:
            continue  # (`__radd__ = __add__`: another name of the class's, read through instances as the def is)
        else:
            nodes = [st]
        for node in nodes:
            if any(isinstance(n, ast.Name) and n.id == method.name and isinstance(n.ctx, ast.Load)
                   and _in_a_class_body(reading, n) for n in ast.walk(node)):
                return False
    return True


def _property_names(reading: _Reading, cls: ast.ClassDef) -> set[str]:
    """The names ``cls``'s body binds to properties: defs decorated by the built-in ``property`` alone."""
    return {st.name for st in _class_scope_statements(cls) if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef))
            and st.decorator_list and all(_a_property_decorator(reading, d, set()) for d in st.decorator_list)}


def _a_property_decorator(reading: _Reading, decorator: ast.AST, properties: set[str]) -> bool:
    """The built-in ``property``, or ``name.setter`` (``getter``, ``deleter``) of a property the class body makes."""
    if isinstance(decorator, ast.Name):
        return decorator.id == "property" and _the_builtin(reading, decorator)
    return isinstance(decorator, ast.Attribute) and decorator.attr in ("setter", "getter", "deleter") \
        and isinstance(decorator.value, ast.Name) and decorator.value.id in properties


def _dataclass_fields_named(reading: _Reading, attr: str) -> list[tuple[ast.ClassDef, ast.FunctionDef]] | None:
    """Every class binding ``attr`` in its body, when each is a dataclass (``@dataclass`` alone, no base, no keyword)
    whose binding of it is a field (``attr: float = 0.0``, no ``ClassVar``) with no default or a default of Python's
    immutable kinds, and the ``__init__`` the dataclass writes, as a def (None otherwise).  The fields are read as
    Python makes them only in a body of plain statements whose annotations name a built-in immutable kind (not
    ``pad: CV[float]`` with ``CV`` another name of ``ClassVar``, nor a field annotated in an ``if``: attack round
    111; a method's alias or a constant, no field, may stand beside them: ``__radd__ = __add__``, ``__hash__ = None``,
    fairness round 74), and never where ``dataclasses.replace`` makes an instance from a mapping."""
    if any(isinstance(n, (ast.Name, ast.Attribute)) and _resolved(reading, n) == "dataclasses.replace"
           for n in reading.nodes):
        return None
    found = []
    for cls in reading.classes:
        bound = [st for st in cls.body if attr in _names_bound_by(st) or isinstance(
            st, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and st.name == attr]
        if not bound:
            continue
        if cls.bases or cls.keywords or len(cls.decorator_list) != 1 or not _a_bare_dataclass(
                reading, cls.decorator_list[0]):
            return None  # (`@dataclass(init=False)`, a base's fields first: not followed)
        fields = [st for st in cls.body if isinstance(st, ast.AnnAssign) and isinstance(st.target, ast.Name)]
        methods = {st.name for st in cls.body if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef))}
        if len(bound) != 1 or bound[0] not in fields or not all(
                isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Pass)) or st in fields or isinstance(
                    st, ast.Expr) and isinstance(st.value, ast.Constant) or isinstance(st, ast.Assign) and len(
                    st.targets) == 1 and isinstance(st.targets[0], ast.Name) and st.targets[0].id not in STORE_DUNDERS
                and (isinstance(st.value, ast.Constant) or isinstance(st.value, ast.Name) and st.value.id in methods)
                for st in cls.body) or not all(
                isinstance(f.annotation, ast.Name) and f.annotation.id in IMMUTABLE_ANNOTATIONS
                and f.annotation.id not in reading.bindings for f in fields):
            return None
        # (`field(default=0.0)`, `field(default_factory=float)`: the default they give; fairness round 81)
        given = [_field_default(reading, f.value) if f.value is not None else None for f in fields]
        if any(f.value is not None and (g is None or not _a_new_value(reading, g, immutable=True))
               for f, g in zip(fields, given)):
            return None  # (a display, another call: not read)
        defaults = [g for g in given if g is not None]
        if any(f.value is None for f in fields[len(fields) - len(defaults):]):
            return None
        init = ast.FunctionDef(name="__init__", args=ast.arguments(
            posonlyargs=[], args=[ast.arg(arg="self")] + [ast.arg(arg=f.target.id) for f in fields],
            kwonlyargs=[], kw_defaults=[], defaults=defaults), body=[], decorator_list=[])
        found.append((cls, init))
    return found


def _a_constant_method(reading: _Reading, func: ast.Attribute) -> bool:
    """Whether ``func`` (``self.zero``, ``Acc.zero``: on an instance of a plain class, in its method, or on a plain
    class by its name, kept to its statements) is a method every class binding its name defines as a plain
    ``def`` or a ``@staticmethod`` whose every ``return`` gives a constant of Python's immutable kinds, and nothing
    else in the submission binds, stores or deletes an attribute of that name (``Acc.zero = lambda: KEEP``,
    ``setattr``): called with no argument, it hands back that constant."""
    attr, owner = func.attr, func.value
    if not isinstance(owner, ast.Name) or attr.startswith("_"):
        return False
    if _an_instance_of_a_plain_class(reading, owner):
        cls = _parents(reading).get(id(_local_scope_of(reading, owner)))
    else:
        bindings = reading.bindings.get(owner.id, [])
        cls = bindings[0][0] if len(bindings) == 1 and _local_scope_of(reading, owner) is None else None
    if not (isinstance(cls, ast.ClassDef) and _a_plain_class_statement(reading, cls)
            and _a_class_kept_to_its_statements(reading, cls) is not None):
        return False
    defined = 0
    for other in reading.classes:
        for st in _class_scope_statements(other):
            if attr not in _names_bound_by(st) and not (isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                                         ast.ClassDef)) and st.name == attr):
                continue
            if not (isinstance(st, ast.FunctionDef) and st in other.body and all(
                    isinstance(d, ast.Name) and d.id == "staticmethod" and _the_builtin(reading, d)
                    for d in st.decorator_list)):
                return False
            returns = [n for n in _walk_scope_body(st) if isinstance(n, ast.Return)]
            if not returns or any(isinstance(n, (ast.Yield, ast.YieldFrom, ast.Await)) for n in _walk_scope_body(st)) \
                    or not all(r.value is not None and _a_constant_of_immutable_kinds(r.value) for r in returns):
                return False
            defined += 1
    for node in reading.nodes:
        if isinstance(node, ast.Attribute) and node.attr == attr and not isinstance(node.ctx, ast.Load):
            return False
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("setattr", "delattr") \
                and not (len(node.args) >= 2 and isinstance(node.args[1], ast.Constant) and node.args[1].value != attr):
            return False
        if isinstance(node, ast.Call) and any(k.arg in (attr, None) for k in node.keywords) \
                or isinstance(node, ast.Dict) and any(k is None for k in node.keys) \
                or isinstance(node, ast.Constant) and node.value == attr:
            return False  # (`self.__dict__.update(kwargs)` of a call `Acc(zero=...)`, `Acc(**{"zero": ...})`,
            # `object.__setattr__(self, "zero", f)`: attack round 122)
    return defined > 0 and not _instance_dicts_updated(reading)


def _instance_dicts_updated(reading: _Reading) -> bool:
    """Whether a method sets its instance's attributes from what it is given (``self.__dict__.update(opts)``,
    :func:`_plain_instance_dict_updates`): any attribute, of any name.  Memoised."""
    found = reading.memo.get("instance dicts updated")
    if found is None:
        found = reading.memo["instance dicts updated"] = bool(_plain_instance_dict_updates(reading.nodes))
    return found


def _a_constant_of_immutable_kinds(value: ast.AST) -> bool:
    """A constant, ``-constant``, or a tuple of such, as written (no name read)."""
    if isinstance(value, ast.UnaryOp) and isinstance(value.op, (ast.USub, ast.UAdd)):
        value = value.operand
    if isinstance(value, ast.Tuple):
        return all(_a_constant_of_immutable_kinds(e) for e in value.elts)
    return isinstance(value, ast.Constant)


#: What ``dataclasses.field`` may be given beside its default and still make the field :func:`_field_default` reads.
PLAIN_FIELD_KEYWORDS = frozenset({"repr", "compare", "hash"})
#: Built-ins whose call with no argument is a value of Python's immutable kinds: a field's ``default_factory``.
IMMUTABLE_FACTORIES = frozenset({"float", "int", "str", "bool", "complex", "tuple", "frozenset", "bytes"})


def _field_default(reading: _Reading, value: ast.AST) -> ast.AST | None:
    """What a dataclass field's ``= value`` gives its ``__init__`` parameter as its default: ``value`` itself, or
    for ``field(default=D)`` D, for ``field(default_factory=float)`` the call ``float()`` of an unshadowed built-in
    of :data:`IMMUTABLE_FACTORIES`; None for any other ``field(...)`` (``init=False``, a factory of the submission's)."""
    if not (isinstance(value, ast.Call) and _resolved_once(reading, value.func) == "dataclasses.field"):
        return value
    keywords = {k.arg: k.value for k in value.keywords}
    if value.args or None in keywords or set(keywords) - PLAIN_FIELD_KEYWORDS - {"default", "default_factory"} \
            or ("default" in keywords) == ("default_factory" in keywords):
        return None
    if "default" in keywords:
        return keywords["default"]
    factory = keywords["default_factory"]
    if isinstance(factory, ast.Name) and factory.id in IMMUTABLE_FACTORIES and _the_builtin(reading, factory):
        return ast.Call(func=factory, args=[], keywords=[])
    return None


def _a_class_kept_to_its_statements(reading: _Reading, cls: ast.ClassDef) -> tuple[
        dict[str, ast.ClassDef], list[ast.Call]] | None:
    """The classes that derive from ``cls`` (``cls`` too, by name) and every call of their names, when each is a
    class statement Python makes as written and no other class can derive from them: each a plain class statement
    (:func:`_a_plain_class_statement`) with one base, its name's only binding; their names used only where they are
    called, read as attributes (not special ones), checked by ``isinstance`` or matched, in annotations, or as the
    base of such a statement; nothing in the submission reaching a class through an instance (``type(x)`` or
    ``x.__class__`` not called at once) or a hierarchy (``mro``, ``__bases__``, ``__subclasses__``), and no base
    computed.  None otherwise: a class handed on may be the base of a class a call makes from a namespace (attack
    round 113's ``type("Sub", (Acc,), {"start": KEEP})``, ``type(Acc)(...)``), and another base of a subclass
    comes first in the order Python looks an attribute or an ``__init__`` up (``class M(Other, Acc)``, found
    checking fairness round 76; attack round 113's ``class Sub(configparser.ConfigParser, Acc)``)."""
    key = ("kept to its statements", id(cls))
    if key not in reading.memo:
        try:
            reading.memo[key] = _read_a_class_kept_to_its_statements(reading, cls)
        except _HandedOut as why:
            reading.memo[key], reading.memo[("why not kept", id(cls))] = None, str(why)
    return reading.memo[key]


class _HandedOut(Exception):
    """Why :func:`_a_class_kept_to_its_statements` cannot tell a class is kept to its statements, in the student's
    words: what the feedback names, so that a student sees which construct made the class's members unreadable."""


def _why_not_kept(reading: _Reading, cls: ast.ClassDef) -> str | None:
    """What makes ``cls`` a class :func:`_a_class_kept_to_its_statements` cannot follow, or None when it is kept."""
    if _a_class_kept_to_its_statements(reading, cls) is not None:
        return None
    return reading.memo.get(("why not kept", id(cls)))


def _shown(reading: _Reading, node: ast.AST, limit: int = 60) -> str:
    """``node`` as the student wrote it, in the expression around it when it is a name (``map(type, xs)`` for
    ``type``), cut to ``limit`` characters."""
    parent = _parents(reading).get(id(node))
    if isinstance(node, ast.Name) and isinstance(parent, ast.expr):
        node = parent
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return f"{'class' if isinstance(node, ast.ClassDef) else 'def'} {node.name}"  # (its header, not its body)
    text = " ".join(ast.unparse(node).split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _read_a_class_kept_to_its_statements(reading: _Reading, cls: ast.ClassDef) -> tuple[
        dict[str, ast.ClassDef], list[ast.Call]] | None:
    """:func:`_a_class_kept_to_its_statements`, unmemoised."""
    if not isinstance(_parents(reading).get(id(cls)), ast.Module):
        raise _HandedOut(f"{cls.name} is a class made inside a function or a class")
        # (a class in a class or a function: called as `Proxy.setup(KEEP)`, attack round 116)
    computed = next((base for other in reading.classes for base in other.bases if not (
        isinstance(base, ast.Name) or (_resolved(reading, base) or "").split(".")[0] in MODULE_ROOTS_OF_BASES)), None)
    if computed is not None:
        raise _HandedOut(f"a class's base is computed (`{_shown(reading, computed)}`)")
        # (`class Sub(type(Acc())): pass`, whose calls hand Acc's __init__ what they are given)
    derived = {cls.name: cls}
    grown = True
    while grown:
        grown = False
        for other in reading.classes:
            if other.name in derived or not any(isinstance(b, ast.Name) and b.id in derived for b in other.bases):
                continue
            if not _a_plain_class_statement(reading, other) or [b for b, _ in reading.bindings.get(other.name, [])] \
                    != [other] or [b.id for b in other.bases].count(next(
                        b.id for b in other.bases if b.id in derived)) != 1 or not all(
                    _an_inert_mixin(reading, b.id) for b in other.bases if b.id not in derived):
                raise _HandedOut(f"its subclass {other.name} is decorated, bound twice or given another base")
            derived[other.name] = other
            grown = True
    parents = _parents(reading)
    if any(any(isinstance(b, ast.Name) and _local_scope_of(reading, b) is not None for b in c.bases)
           for c in reading.classes):
        raise _HandedOut("a class made inside a function derives from a class")
        # (`class Sub(ConfigParser, cls)` in a classmethod: a base no module-level name names)
    # What the classes bind that may take an instance as its first argument: every name of their bodies but a
    # constant's and a static or class method's (`Acc.give([KEEP], acc)` runs give with `self` any object)
    # (and of every class of theirs they derive from: a base's or a mixin's classmethod is handed the class it is
    # called through, `acc.me()` with `class P: @classmethod def me(cls): return cls`, attack round 133)
    hierarchy = list({id(c): c for member in derived.values() for c in _class_hierarchy(reading, member)}.values())
    statements = [st for member in hierarchy for st in _class_scope_statements(member)]

    def literal(value: ast.AST) -> bool:
        return all(isinstance(n, (ast.Constant, ast.List, ast.Tuple, ast.Set, ast.Dict, ast.UnaryOp, ast.unaryop,
                                  ast.expr_context)) for n in ast.walk(value))

    data = {name for st in statements if isinstance(st, (ast.Assign, ast.AnnAssign)) and st.value is not None
            and literal(st.value) for name in _names_bound_by(st)}
    # (`ZERO = Acc.ZERO` in a subclass's body: a constant too, fairness round 77)
    data |= {name for st in statements if isinstance(st, (ast.Assign, ast.AnnAssign)) and isinstance(
        st.value, ast.Attribute) and isinstance(st.value.value, ast.Name) and st.value.value.id in derived
             and st.value.attr in data for name in _names_bound_by(st)}
    taking_instances = {name for st in statements for name in _names_bound_by(st)
                        if not (isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)) and st.decorator_list and all(
                            isinstance(d, ast.Name) and d.id in ("staticmethod", "classmethod")
                            and _the_builtin(reading, d) for d in st.decorator_list)
                                or isinstance(st, (ast.Assign, ast.AnnAssign)) and name in data)}

    def on_an_instance(call: ast.AST) -> bool:
        """``Acc.__iadd__(acc, v)`` with ``acc`` bound only to calls of the classes (fairness round 79)."""
        def made(_, value):
            # (the module's class itself, not a parameter, local or import spelled so: `def load(dst, Acc=list)`,
            # attack round 126)
            return isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in derived \
                and [b for b, _ in reading.bindings.get(value.func.id, [])] == [derived[value.func.id]] \
                and _function_binding(reading, value.func) is None and not _in_a_class_body(reading, value.func) \
                and not any(isinstance(n, ast.arg) and n.arg == value.func.id for n in reading.nodes)

        first = call.args[0] if isinstance(call, ast.Call) and call.args else None
        return made(reading, first) or isinstance(first, ast.Name) and _bound_only_to(reading, first, made)

    def own_self(call: ast.Call) -> bool:
        """``Acc.__init__(self, ...)`` in a plain method of the classes, on its own first parameter, or on an
        instance (:func:`on_an_instance`)."""
        first = call.args[0] if call.args else None
        scope = _local_scope_of(reading, first) if isinstance(first, ast.Name) else None
        return on_an_instance(call) or isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(
            scope in member.body for member in derived.values()) and not _may_be_a_classmethod(reading, scope) \
            and [a.arg for a in scope.args.posonlyargs + scope.args.args][:1] == [first.id] \
            and not _rebound_in(scope, first.id)
    for member in hierarchy:
        # (every statement of the body's own scope, however deep: `if True:` then `@classmethod def me(cls): return
        # cls`, `for m in (classmethod(lambda cls: cls),)`, attack round 128)
        for method in _class_scope_statements(member):
            if not isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and any(
                    isinstance(n, ast.Lambda) or isinstance(n, ast.Name) and n.id == "classmethod"
                    for n in ast.walk(method)):
                raise _HandedOut(f"`{_shown(reading, method)}` in the body of {member.name} may hand a function "
                                 "its class")
                # (`make = classmethod(lambda cls: cls(KEEP))`: attack round 116; `me = classmethod(copy.copy)`, any
                # function handed its class, not a def the rules below read: round 129)
            if isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)) and _may_be_a_classmethod(reading, method):
                first = [a.arg for a in method.args.posonlyargs + method.args.args][:1]
                if not first:
                    raise _HandedOut(f"{member.name}.{method.name} is decorated and names no first parameter")
                    # (`def me(*a): return a[0]`: the class in a tuple no name reads as it, round 128)
                # (what a property's first parameter is, is an instance; a classmethod's, the class, whose methods
                # taking an instance it may run with any object: `cls.give([KEEP], acc)`, `return cls.give`,
                # `super().give` or `super().__init__(s, d)`, attack round 125)
                # (`@P.setter` of a class P whose `setter` is `classmethod` is no property's: attack round 126)
                a_class = not all(_a_property_decorator(reading, d, _property_names(reading, member))
                                  for d in method.decorator_list)
                for n in ast.walk(method):
                    if isinstance(n, ast.Name) and [n.id] == first and isinstance(n.ctx, ast.Load) and not (
                            isinstance(p := parents.get(id(n)), ast.Call) and p.func is n
                            or isinstance(p, ast.Attribute) and (not p.attr.startswith("__")
                                                                 or p.attr in FUNCTION_TEXTS)
                            and not (a_class and p.attr in taking_instances and not (
                                isinstance(c := parents.get(id(p)), ast.Call) and c.func is p and on_an_instance(c)))):
                        raise _HandedOut(f"the decorated method {member.name}.{method.name} hands its first "
                                         f"parameter `{n.id}` (its class, if it is a class method) on: "
                                         f"`{_shown(reading, n)}`")
                        # (a classmethod's `cls` handed on: returned, a base, super's argument)
                    if a_class and isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "super" \
                            and not n.args:
                        raise _HandedOut(f"the decorated method {member.name}.{method.name} calls `super()`")
    calls = []
    for node in reading.nodes:
        if isinstance(node, ast.Name) and node.id == "__class__":
            raise _HandedOut("a method reads `__class__`")
            # (the class a method's zero-argument `__class__` cell hands on: attack round 114)
        if set(_identifiers_of(node)) & set(DESCRIPTOR_HOOKS) \
                or isinstance(node, ast.Attribute) and node.attr in ("registry", "dispatch") \
                or isinstance(node, ast.Constant) and node.value in ("registry", "dispatch"):
            # (`getattr(show, 'registry')`, a constant name: attack round 133)
            raise _HandedOut(f"`{_shown(reading, node)}` (a descriptor's hook, and a singledispatch function's "
                             "registry, are handed classes)")
            # (a descriptor's `__get__(self, obj, owner)` is handed the class: `owner.give([KEEP], o)`,
            # attack round 126; so is one bound otherwise than by a def, `__get__ = pick`, a metaclass's namespace
            # `{'__get__': pick}`, a decorated `class __get__:` or a capture `case __set_name__:`; a singledispatch
            # function's `registry` and `dispatch` hand out the classes its annotations name: attack round 129)
        if isinstance(node, ast.Name) and node.id in ("type", "classmethod") and isinstance(node.ctx, ast.Load) and not (
                node.id == "type" and (isinstance(p := parents.get(id(node)), ast.Call) and p.func is node
                                       or _a_type_tested_or_annotated(reading, node))
                or node.id == "classmethod" and isinstance(p := parents.get(id(node)), (
                    ast.FunctionDef, ast.AsyncFunctionDef)) and node in p.decorator_list
                # (of a def in a class body: a module's or a function's `@classmethod def _me(cls)` is bound into a
                # class by any name, `me = _me`, `for me in (_me,)`, attack round 133)
                and isinstance(parents.get(id(p)), ast.ClassDef)):
            raise _HandedOut(f"`{_shown(reading, node)}` uses `{node.id}` as a value")
            # (`type` handed on as a function, `kind = property(type)`, makes `acc.kind` the class;
            # `classmethod` other than as a def's decorator, `me = classmethod(copy.copy)` in a base, `cm =
            # classmethod`, a classmethod of a function the rules above do not read: attack round 129)
        if isinstance(node, ast.Attribute) and node.attr in ("mro", "__mro__", "__bases__", "__base__",
                                                             "__subclasses__"):
            raise _HandedOut(f"`{_shown(reading, node)}` reads a class hierarchy")  # (`Box.mro()[0](KEEP)`: round 110)
        handed = isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "type" \
            and len(node.args) == 1 or isinstance(node, ast.Attribute) and node.attr == "__class__"
        if handed and not (isinstance(parent := parents.get(id(node)), ast.Call) and parent.func is node
                           or isinstance(parent, ast.Attribute) and parent.attr in FUNCTION_TEXTS
                           # (`type(self).ZERO` read: a class attribute, as `Acc.ZERO` is; fairness round 81)
                           or isinstance(parent, ast.Attribute) and isinstance(parent.ctx, ast.Load)
                           and not parent.attr.startswith("_") and not isinstance(parents.get(id(parent)), ast.Call)
                           and parent.attr not in taking_instances  # (`g = type(acc).give`: attack round 125)
                           or isinstance(parent, ast.Compare) and _a_truth_only_comparison(reading, parent)
                           # (tested against: `isinstance(other, type(self))` in an `__eq__`, fairness round 86)
                           or isinstance(node, ast.Call) and _a_type_tested_or_annotated(reading, node)
                           # (shown, as text: `print(type(q1_answer))`, `f"{type(x)}"`, fairness round 86)
                           or isinstance(parent, ast.FormattedValue) and parent.value is node
                           or isinstance(parent, ast.Call) and node in parent.args and isinstance(parent.func, ast.Name)
                           and parent.func.id in ("print", "repr", "str")
                           and _a_builtin_bound_nowhere(reading, parent.func)):
            raise _HandedOut(f"`{_shown(reading, node)}` hands an instance's class on")
            # (`t = type(self); t(KEEP)`: a class bound to a name first, attack round 110)
        if not (isinstance(node, ast.Name) and node.id in derived and isinstance(node.ctx, ast.Load)):
            continue
        parent = parents.get(id(node))
        if isinstance(parent, ast.Call) and parent.func is node:
            calls.append(parent)
        elif isinstance(parent, ast.Call) and parent.args[:1] == [node] \
                and (partial_calls := _calls_through_a_partial(reading, parent)) is not None:
            calls += partial_calls  # (`make = functools.partial(Acc, 0.0)`, only called: fairness rounds 77 and 81)
        elif isinstance(parent, ast.ClassDef) and node in parent.bases:
            continue  # (a subclass: above)
        elif isinstance(parent, ast.Attribute) and not parent.attr.startswith("__") \
                and parent.attr not in taking_instances:
            continue  # (`Acc.created += 1`, `Acc.zero()`)
        elif isinstance(parent, ast.Attribute) and isinstance(parent.ctx, ast.Load) and isinstance(
                call := parents.get(id(parent)), ast.Call) and call.func is parent and on_an_instance(call):
            continue  # (`Acc.__iadd__(acc, v)`, `Acc.add(acc, v)` on an instance: its method called as `acc` would)
        elif isinstance(parent, ast.Attribute) and parent.attr == "__init__" and isinstance(
                call := parents.get(id(parent)), ast.Call) and call.func is parent and own_self(call):
            continue  # (`Acc.__init__(self, start)`: read as a call of Acc's __init__, fairness round 77; not
            # `Acc.__init__([KEEP], acc)`, which runs it with any object as `self`, attack round 125)
        elif (isinstance(parent, (ast.arg, ast.AnnAssign)) and node is parent.annotation or isinstance(parent, (
                ast.FunctionDef, ast.AsyncFunctionDef)) and node is parent.returns) and not _reads_annotations(reading):
            continue  # (an annotation nothing reads back: `f.__annotations__["x"](KEEP)`, attack round 116)
        elif isinstance(parent, ast.MatchClass) and parent.cls is node or isinstance(parent, ast.Call) and isinstance(
                parent.func, ast.Name) and parent.func.id in ("isinstance", "issubclass") \
                and _a_builtin_bound_nowhere(reading, parent.func) and node not in parent.args[:1]:
            continue  # (not a parameter, a local or a class body's `isinstance = {}.get`: attack round 133)
        elif isinstance(parent, ast.Tuple) and isinstance(grand := parents.get(id(parent)), ast.Call) and isinstance(
                grand.func, ast.Name) and grand.func.id in ("isinstance", "issubclass") \
                and _a_builtin_bound_nowhere(reading, grand.func) and parent in grand.args[1:2]:
            continue
        elif isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name) and parent.func.id == "super" \
                and _a_builtin_bound_nowhere(reading, parent.func) and parent.args[:1] == [node]:
            continue  # (`super(PixelAcc, self).__init__(start)`: read where its __init__ is, fairness round 77)
        else:
            raise _HandedOut(f"`{_shown(reading, node)}` uses the class {node.id} otherwise than by calling it")
            # (a base of a class a call makes, an alias, a value handed on: not followed)
    return derived, calls


def _a_builtin_bound_nowhere(reading: _Reading, name: ast.Name) -> bool:
    """Python's built-in (:func:`_the_builtin`), and no statement anywhere binds its name: not a comprehension's or a
    loop's target, a walrus, a ``with``'s or an ``except``'s name, a capture, a def, a class or an import, in any
    scope (attack round 133: ``isinstance = {}.get`` in a def or a class body made ``isinstance(o, Acc)`` hand
    ``Acc`` back)."""
    word = name.id
    return _the_builtin(reading, name) and not any(
        isinstance(n, ast.Name) and n.id == word and not isinstance(n.ctx, ast.Load)
        or isinstance(n, (ast.MatchAs, ast.MatchStar, ast.ExceptHandler, ast.FunctionDef, ast.AsyncFunctionDef,
                          ast.ClassDef)) and n.name == word
        or isinstance(n, ast.MatchMapping) and n.rest == word
        or isinstance(n, ast.alias) and (n.asname or n.name.split(".")[0]) == word
        or isinstance(n, (ast.Global, ast.Nonlocal)) and word in n.names for n in reading.nodes)


#: Where an expression's value is taken for its truth alone: a test, or ``not``'s operand.
TRUTH_TESTS = (ast.If, ast.While, ast.Assert, ast.IfExp)


def _a_truth_only_comparison(reading: _Reading, compare: ast.Compare) -> bool:
    """Whether what ``compare`` gives is a truth only: its operators all ``is``/``is not`` (Python's identity, a bool),
    or it stands where only its truth is taken (an ``if``'s, ``while``'s, ``assert``'s or conditional's test, a
    comprehension's condition, ``not``'s operand, or an ``and``/``or`` standing so).  A comparison's special method
    may hand back anything, an operand too, and the reflected one of either side runs: ``(Log() == type(acc))`` was
    ``Acc`` where ``Log.__eq__`` returns its operand (attack round 133)."""
    if all(isinstance(op, (ast.Is, ast.IsNot)) for op in compare.ops):
        return True
    if all(isinstance(op, (ast.Eq, ast.NotEq)) for op in compare.ops) and all(
            _a_class_by_type(reading, side) for side in [compare.left, *compare.comparators]) and not any(
            c.keywords or any(isinstance(b, ast.Name) and b.id == "type" for b in c.bases) for c in reading.classes):
        return True  # (`type(self) == type(other)`: classes, which no metaclass of the submission's compares)
    parents = _parents(reading)
    child, parent = compare, parents.get(id(compare))
    while isinstance(parent, ast.BoolOp):
        child, parent = parent, parents.get(id(parent))
    return isinstance(parent, TRUTH_TESTS) and parent.test is child or isinstance(
        parent, ast.UnaryOp) and isinstance(parent.op, ast.Not) or isinstance(
        parent, ast.comprehension) and child in parent.ifs


def _a_class_by_type(reading: _Reading, node: ast.expr) -> bool:
    """``type(x)`` (Python's ``type``, one argument) or ``x.__class__``: what compares as ``type`` compares."""
    return isinstance(node, ast.Attribute) and node.attr == "__class__" or isinstance(node, ast.Call) and isinstance(
        node.func, ast.Name) and node.func.id == "type" and len(node.args) == 1 and not node.keywords \
        and _a_builtin_bound_nowhere(reading, node.func)


def _a_type_tested_or_annotated(reading: _Reading, node: ast.expr) -> bool:
    """Whether ``node`` (``type``, or a class ``type(x)`` gives) stands where it hands out no class: what the built-in
    ``isinstance`` or ``issubclass`` tests against (``isinstance(activation, type)``, ``isinstance(other,
    type(self))``, in a tuple too), or in an annotation nothing reads back (``act: type[nn.Module] = nn.ReLU``,
    ``-> type``).  Fairness round 86: each cost an accumulator class its marks once round 129's rule refused `type`
    as any value (``next(map(type, [acc]))`` hands out the class)."""
    parents = _parents(reading)
    child, parent = node, parents.get(id(node))
    if isinstance(parent, ast.Tuple) and isinstance(parents.get(id(parent)), ast.Call):
        child, parent = parent, parents.get(id(parent))
    if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name) and parent.func.id in (
            "isinstance", "issubclass") and _a_builtin_bound_nowhere(reading, parent.func) \
            and parent.args[1:2] == [child] \
            and len(parent.args) == 2 and not parent.keywords:
        return True
    child, parent = node, parents.get(id(node))
    while isinstance(parent, (ast.Subscript, ast.Tuple, ast.List, ast.BinOp)):  # (`type[nn.Module] | None`)
        # an annotation is evaluated: what it is handed to must be one of Python's or typing's generics
        # (`type[...]`, `Optional[...]`, `ClassVar[...]`), or `|` with None or a built-in: `x: D[type]` hands
        # `type` to D's `__getitem__` (attack round 132: a defaultdict bound by a `for` or a walrus kept it as a key)
        if isinstance(parent, ast.Subscript) and child is not parent.value and not _a_plain_generic(
                reading, parent.value) or isinstance(parent, ast.BinOp) and not (isinstance(parent.op, ast.BitOr) and all(
                    isinstance(side, ast.Constant) and side.value is None or _a_plain_generic(reading, side)
                    for side in (parent.left, parent.right) if side is not child)):
            return False
        child, parent = parent, parents.get(id(parent))
    return (isinstance(parent, (ast.arg, ast.AnnAssign)) and child is parent.annotation or isinstance(
        parent, (ast.FunctionDef, ast.AsyncFunctionDef)) and child is parent.returns) and not _reads_annotations(reading)


#: Python's generic types an annotation subscripts (``list[type]``); typing's are read by their module.
BUILTIN_GENERICS = frozenset({"type", "list", "dict", "tuple", "set", "frozenset", "int", "float", "str", "bool"})


def _a_plain_generic(reading: _Reading, node: ast.expr) -> bool:
    """``type``, ``list``... (the built-ins themselves) or a name of typing or collections.abc (``Optional``,
    ``typing.ClassVar``): what subscripting or ``|`` in an annotation hands its operand to."""
    if isinstance(node, ast.Name) and node.id in BUILTIN_GENERICS and _the_builtin(reading, node):
        return True
    return (_resolved(reading, node) or "").startswith(("typing.", "collections.abc."))


def _a_bare_dataclass(reading: _Reading, decorator: ast.expr) -> bool:
    """``@dataclass`` or ``@dataclass()``, dataclasses' own decorator with nothing given (fairness round 86: the second
    spelling cost an accumulator q6's 3 points the first kept)."""
    if isinstance(decorator, ast.Call) and not decorator.args and not decorator.keywords:
        decorator = decorator.func
    return _resolved_once(reading, decorator) == "dataclasses.dataclass"


def _calls_through_a_partial(reading: _Reading, partial: ast.Call) -> list[ast.Call] | None:
    """For ``NAME = functools.partial(Cls, *given, **named)`` at the top level, NAME's only binding and only ever
    called (``NAME(...)``, never handed on), the calls of ``Cls`` they make: ``Cls(*given, *args, **named,
    **keywords)`` for each ``NAME(*args, **keywords)``; None otherwise."""
    assign = _parents(reading).get(id(partial))
    if not (_resolved_once(reading, partial.func) == "functools.partial" and isinstance(assign, ast.Assign)
            and assign.value is partial and len(assign.targets) == 1 and isinstance(assign.targets[0], ast.Name)
            and isinstance(_parents(reading).get(id(assign)), ast.Module)):
        return None
    name = assign.targets[0].id
    if len(reading.bindings.get(name, ())) != 1 or name in reading.global_in_functions \
            or any(isinstance(a, ast.Starred) for a in partial.args) or any(k.arg is None for k in partial.keywords):
        return None
    parents = _parents(reading)
    calls = []
    for node in reading.nodes:
        if isinstance(node, ast.Name) and node.id == name and node is not assign.targets[0]:
            call = parents.get(id(node))
            if not (isinstance(node.ctx, ast.Load) and isinstance(call, ast.Call) and call.func is node):
                return None
            calls.append(ast.Call(func=partial.args[0], args=[*partial.args[1:], *call.args],
                                  keywords=[*partial.keywords, *call.keywords]))
    return calls


#: Library functions that store items into the sequence they are given (by its ``__setitem__``).
ITEM_STORING_FUNCTIONS = ("random.shuffle", "random.Random", "random.SystemRandom", "heapq.", "bisect.",
                          "operator.setitem", "operator.__setitem__", "operator.iadd", "operator.iconcat", "array.",
                          "collections.abc.", "collections.User", "typing.Mutable", "_collections_abc.",
                          "numpy.random.shuffle", "numpy.random.RandomState", "numpy.random.Generator")
#: ... and the methods of a generator of random numbers that do (``np.random.default_rng(0).shuffle(BOX)``, whose
#: generator the reader cannot name: attack round 116).
ITEM_STORING_METHODS = frozenset({"shuffle", "permuted"})
#: Library code that calls methods of what it is handed by their names (``bisect.insort(o, v)`` calls
#: ``o.insert(i, v)``, ``MutableSequence.append(o, v)`` calls ``o.insert``: attack round 116), and those methods.
METHOD_CALLING_FUNCTIONS = ("bisect.", "collections.abc.", "collections.User", "typing.Mutable", "typing.Sequence",
                            "_collections_abc.")
PROTOCOL_METHODS = frozenset({"insert", "append", "extend", "pop", "remove", "reverse", "update", "setdefault", "add",
                              "discard", "clear", "popitem"})


def _a_method_parameter_given_new(reading: _Reading, cls: ast.ClassDef, method: ast.AST, parameter: str,
                                  seen: frozenset, *, immutable: bool = False) -> bool:
    """Whether every call of a plain method (``self.reset(start)``, ``acc.reset()``, ``Acc.reset(acc, 0.0)``) gives
    its ``parameter`` a new or immutable value (:func:`_a_new_value`), or leaves it its default, which is one; every
    call of any method so named is read as one of it, and the name used anywhere but called (``f = self.reset``,
    ``getattr(self, "reset")``, ``Acc.reset = f``) is not followed (fairness round 77: ``self.reset(start)`` in a
    subclass's ``__init__``, whose ``super().__init__(start)`` hands the parameter on)."""
    if method.decorator_list or not _a_plain_class_statement(reading, cls):
        return False
    if method.name in PROTOCOL_METHODS and any((_resolved(reading, n) or "").startswith(METHOD_CALLING_FUNCTIONS)
                                               for n in reading.nodes if isinstance(n, (ast.Name, ast.Attribute))):
        return False
    positional = [a.arg for a in method.args.posonlyargs + method.args.args]
    keyword_only = [a.arg for a in method.args.kwonlyargs]
    if parameter in positional[1:]:
        index = positional.index(parameter)
        first_default = len(positional) - len(method.args.defaults)
        default = method.args.defaults[index - first_default] if index >= first_default else None
        by_keyword = parameter not in [a.arg for a in method.args.posonlyargs]
    elif parameter in keyword_only:
        index, by_keyword = None, True
        default = method.args.kw_defaults[keyword_only.index(parameter)]
    else:
        return False
    if default is not None and not _a_new_value(reading, default, seen, immutable=True):
        return False
    key = ("method parameter", id(method), parameter, immutable)
    if key in seen:
        return True
    seen = seen | {key}
    parents = _parents(reading)
    for node in reading.nodes:
        if isinstance(node, ast.Constant) and node.value == method.name or isinstance(
                node, ast.keyword) and node.arg == method.name or isinstance(node, ast.Name) and node.id == method.name:
            return False  # (the name as a text, `getattr(self, "reset")`; bare, `__call__ = reset`: attack round 115)
        if not (isinstance(node, ast.Attribute) and node.attr == method.name):
            continue
        call = parents.get(id(node))
        if not (isinstance(call, ast.Call) and call.func is node) or any(
                isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
            return False
        # (`Acc.reset(acc, 0.0)`: a class's function, given the instance first)
        # (a class statement a decorator hands back as it is only: `@lambda c: BOX` makes its name an instance,
        # attack round 116)
        classes = [isinstance(b, ast.ClassDef) and all(_a_bare_dataclass(reading, d)
                                                       for d in b.decorator_list)
                   for b, _ in reading.bindings.get(node.value.id, [])] if isinstance(
            node.value, ast.Name) and _local_scope_of(reading, node.value) is None else []
        if any(classes) and not all(classes):
            return False  # (`class B: ...`, then `B = Acc()`: either, attack round 115)
        unbound = bool(classes) and all(classes)
        given = [k.value for k in call.keywords if k.arg == parameter and by_keyword]
        if index is not None and index - (not unbound) < len(call.args):
            given.append(call.args[index - (not unbound)])
        if not given and default is None or not all(
                _a_new_value(reading, g, seen, immutable=immutable) for g in given):
            return False
    return True


#: The methods a descriptor is handed its owner class in.
DESCRIPTOR_HOOKS = ("__get__", "__set_name__")


def _may_be_a_classmethod(reading: _Reading, method: ast.AST) -> bool:
    """Whether a method's first parameter may be its class: decorated by anything but ``staticmethod`` or torch's
    gradient settings (:func:`_a_grad_mode_decorator`; ``@cm`` with ``cm = classmethod``,
    ``@functools.partial(classmethod)``: attack round 116)."""
    return any(not (isinstance(d, ast.Name) and d.id == "staticmethod" or _a_grad_mode_decorator(reading, d))
               for d in method.decorator_list)


def _passes_its_calls_on(init: ast.FunctionDef) -> ast.Call | None:
    """The one ``super().__init__(*args, **kwargs)`` of an ``__init__`` that takes nothing but ``self``, ``*args`` and
    ``**kwargs`` and uses them nowhere else: what its class's calls give, its base's ``__init__`` is given; else
    None."""
    arguments = init.args
    if init.decorator_list:
        return None  # (a decorator may call it with its own arguments: attack round 116)
    if arguments.posonlyargs or [a.arg for a in arguments.args] != [a.arg for a in arguments.args[:1]] or len(
            arguments.args) != 1 or arguments.kwonlyargs or not (arguments.vararg or arguments.kwarg):
        return None
    names = {a.arg for a in (arguments.vararg, arguments.kwarg) if a is not None}
    supers = [n for n in ast.walk(init) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
              and n.func.attr == "__init__" and isinstance(n.func.value, ast.Call)
              and isinstance(n.func.value.func, ast.Name) and n.func.value.func.id == "super" and not n.func.value.args]
    if len(supers) != 1 or not isinstance(_parent_statement_of(init, supers[0]), ast.Expr):
        return None
    call = supers[0]
    given = [a.value.id for a in call.args if isinstance(a, ast.Starred) and isinstance(a.value, ast.Name)] + [
        k.value.id for k in call.keywords if k.arg is None and isinstance(k.value, ast.Name)]
    if len(given) != len(call.args) + len(call.keywords) or set(given) != names or len(given) != len(names):
        return None
    uses = [n for n in ast.walk(init) if isinstance(n, ast.Name) and n.id in names]
    return call if len(uses) == len(names) else None


def _parent_statement_of(function: ast.AST, node: ast.AST) -> ast.stmt | None:
    """The statement of ``function``'s body, at its top, that holds ``node``."""
    for st in function.body:
        if any(n is node for n in ast.walk(st)):
            return st
    return None


def _an_inert_mixin(reading: _Reading, name: str) -> bool:
    """Whether ``name``, beside a class's subclass's base, is a class whose hierarchy neither writes an ``__init__``
    nor calls ``super()`` (``class CountingAcc(Accumulator, CountMixin)`` with ``CountMixin`` a method or two:
    fairness round 77), so that what comes first in the order Python looks an ``__init__`` up is still the class's
    (not ``class M(Other, Acc)`` with ``Other.__init__: super().__init__(KEEP)``, found checking fairness round 76).
    A class attribute it binds is read as every class body's is."""
    classes = _classes_all_the_way(reading, name)
    return classes is not None and all(_a_plain_class_statement(reading, c) for c in classes) and not any(
        _binds_anywhere(c, "__init__") or any(isinstance(n, ast.Name) and n.id == "super" for n in ast.walk(c))
        for c in classes)


def _base_in(cls: ast.ClassDef, classes: dict[str, ast.ClassDef]) -> str:
    """The name of ``cls``'s one base among ``classes`` (:func:`_a_class_kept_to_its_statements`'s)."""
    return next(b.id for b in cls.bases if isinstance(b, ast.Name) and b.id in classes)


def _enclosing_class(reading: _Reading, node: ast.AST) -> ast.ClassDef | None:
    """The class statement whose body ``node`` stands in, however deep (a zero-argument ``super()``'s class)."""
    parents = _parents(reading)
    while (node := parents.get(id(node))) is not None:
        if isinstance(node, ast.ClassDef):
            return node
    return None


def _may_be_a_slice(reading: _Reading, key: ast.AST) -> bool:
    """Whether an item's ``key`` may be a slice object: a key not of Python's immutable kinds, where the submission
    names ``slice`` anywhere (``o[slice(0, 0)] = (KEEP,)``: attack round 114; an index an operand hands, ``(i, j),
    value = item``, is read as one where nothing makes a slice object)."""
    if _a_new_value(reading, key, immutable=True) or _a_setitem_key(reading, key):
        return False
    return bool(_own_member_names(reading) & {"__getitem__", "__class_getitem__"}) or any(
        isinstance(n, ast.Name) and n.id == "slice" or isinstance(n, ast.Constant) and n.value == "slice"
        or isinstance(n, ast.Attribute) and n.attr in ("slice", "s_", "index_exp", "IndexSlice")
        or isinstance(n, ast.alias) and n.name.rsplit(".", 1)[-1] in ("slice", "s_", "index_exp", "IndexSlice")
        for n in reading.nodes)  # (`from numpy import s_ as SL`: attack round 116)  # (`np.s_[0:0]`, a `__getitem__` handing back its key: attack round 115)


def _a_setitem_key(reading: _Reading, key: ast.AST) -> bool:
    """Whether ``key`` is the key parameter of a class's ``__setitem__``, never rebound, every item store reaching
    which gives a key of Python's immutable kinds, never a slice (:func:`_an_item_stored_new`)."""
    if not isinstance(key, ast.Name):
        return False
    scope = _local_scope_of(reading, key)
    owner = _parents(reading).get(id(scope)) if scope is not None else None
    return isinstance(scope, ast.FunctionDef) and scope.name == "__setitem__" and isinstance(owner, ast.ClassDef) \
        and not scope.decorator_list and [a.arg for a in scope.args.posonlyargs + scope.args.args][1:2] == [key.id] \
        and not _rebound_in(scope, key.id) and _an_item_stored_new(reading, owner, frozenset())


def _an_item_stored_new(reading: _Reading, cls: ast.ClassDef, seen: frozenset, *, immutable: bool = False) -> bool:
    """Whether every item store that may reach ``cls``'s ``__setitem__`` (``obj[k] = value``) gives a new value
    (:func:`_a_new_value`): a store into what can be no instance of ``cls`` (:func:`_no_instance_of`: a tensor made
    by torch, a list made by a display) is not followed; ``__setitem__`` called by name or ``operator.setitem``
    anywhere are not followed (fairness round 75's ``Vec.__setitem__: self.v[i] = value``, whose items an
    ``__iadd__`` then changes in place; not ``BOX[0] = KEEP``)."""
    key = ("item stored", id(cls), immutable)
    if key in seen:
        return True
    seen = seen | {key}
    if not _a_plain_class_statement(reading, cls) or any(
            isinstance(n, ast.Name) and n.id == "__setitem__" or (_resolved(reading, n) or "").startswith(
                ITEM_STORING_FUNCTIONS) or isinstance(n, ast.Attribute) and n.attr in ITEM_STORING_METHODS
            for n in reading.nodes if isinstance(n, (ast.Name, ast.Attribute))):
        return False  # (`__call__ = __setitem__`; `random.shuffle(BOX)` storing what BOX's __getitem__ hands back)
    parents = _parents(reading)
    for node in reading.nodes:
        if isinstance(node, ast.Attribute) and node.attr == "__setitem__" or isinstance(
                node, (ast.Name, ast.Attribute)) and _resolved(reading, node) == "operator.setitem":
            return False
        if not (isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store)) or _no_instance_of(
                reading, node.value):
            continue
        statement = parents.get(id(node))
        if not (isinstance(statement, ast.Assign) and node in statement.targets or isinstance(
                statement, ast.AnnAssign) and statement.target is node and statement.value is not None) \
                or not _a_new_value(reading, statement.value, seen, immutable=immutable) \
                or not _a_new_value(reading, node.slice, seen, immutable=True):
            return False  # (an unpacking's, a loop's, an in-place operator's item, a slice's: not followed)
    return True


def _no_instance_of(reading: _Reading, node: ast.AST) -> bool:
    """Whether ``node`` can be no instance of a class of the submission's: a local or an attribute every store of
    which is a tensor or an array made by torch or numpy, a display or a comprehension, or a new value of a built-in
    (``out = torch.zeros(h, w)``, ``self.v = list(values)``); an item of a tensor or an array so made."""
    def made(value: ast.AST) -> bool:
        if isinstance(value, (ast.List, ast.Dict, ast.Set, ast.Tuple, ast.ListComp, ast.DictComp, ast.SetComp)):
            return True
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
            return value.func.id in NEW_OBJECT_BUILTINS and _the_builtin(reading, value.func)
        return isinstance(value, ast.Call) and (_resolved(reading, value.func) or "").split(".")[0] in (
            "torch", "numpy")

    root = node
    while isinstance(root, ast.Subscript):
        root = root.value  # (an item of a tensor is a tensor; of a list, what the list holds)
    if root is not node and not isinstance(root, (ast.Name, ast.Attribute)):
        return False
    if isinstance(root, ast.Name):
        scope = _local_scope_of(reading, root)
        if scope is None:
            values = [b.value for b, _ in reading.bindings.get(root.id, []) if isinstance(b, ast.Assign)
                      and len(b.targets) == 1 and isinstance(b.targets[0], ast.Name)]
            if len(values) != len(reading.bindings.get(root.id, [])):
                return False
        else:
            statements = _only_bound_by(reading, scope, root.id)
            if not statements or not all(isinstance(b, ast.Assign) and len(b.targets) == 1 and isinstance(
                    b.targets[0], ast.Name) for b in statements):
                return False
            values = [b.value for b in statements]
    elif isinstance(root, ast.Attribute):
        if root.attr in _class_body_names(reading):
            return False
        values = []
        for n in reading.nodes:
            if isinstance(n, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.For, ast.AsyncFor, ast.comprehension,
                              ast.withitem, ast.NamedExpr)):
                targets = n.targets if isinstance(n, ast.Assign) else [
                    n.optional_vars if isinstance(n, ast.withitem) else n.target]
                for target in targets:
                    if isinstance(target, ast.Attribute) and target.attr == root.attr:
                        if not isinstance(n, (ast.Assign, ast.AnnAssign)) or n.value is None:
                            return False  # (`self.v += x`, `for self.v in ...`)
                        values.append(n.value)
                    elif isinstance(target, (ast.Tuple, ast.List)) and any(
                            isinstance(t, ast.Attribute) and t.attr == root.attr for t in ast.walk(target)):
                        return False  # (an unpacking's: not followed; an item stored into it is no store of it)
    else:
        return False
    if not values or not all(made(v) for v in values):
        return False
    # an item of a list, a dict, a set or a numpy array (dtype=object: attack round 115) may be anything; of a
    # tensor, a tensor
    return root is node or all(isinstance(v, ast.Call) and (_resolved(reading, v.func) or "").startswith("torch.")
                               for v in values)


def _a_parameter_given_new(reading: _Reading, cls: ast.ClassDef, init: ast.FunctionDef, parameter: str,
                           seen: frozenset, *, immutable: bool = False) -> bool:
    """Whether every call that makes an instance of ``cls`` (a plain class of the submission's, named only where it is
    called, checked with ``isinstance`` or matched, and no class's base) gives ``__init__``'s ``parameter`` a new or
    immutable value (:func:`_a_new_value`), or leaves it its default, which is one (fairness round 74:
    ``Acc(start=0.0)``, ``Tally(s)`` with ``s`` an int).  ``cls(...)``, ``type(self)(...)``, ``self.__class__(...)``
    or an explicit ``__init__`` call anywhere, and unpacked arguments, are not followed."""
    name = cls.name
    bindings = reading.bindings.get(name, [])
    if not bindings or not all(b is cls for b, _ in bindings) or not (_a_plain_class_statement(reading, cls) or (
            not cls.bases and not cls.keywords and init not in cls.body)):  # (a dataclass's written __init__)
        return False
    positional = [a.arg for a in init.args.posonlyargs + init.args.args][1:]
    keyword_only = [a.arg for a in init.args.kwonlyargs]
    if parameter in positional:
        index = positional.index(parameter)
        defaults = init.args.defaults
        first_default = len(positional) - len(defaults)
        default = defaults[index - first_default] if index >= first_default else None
        by_keyword = parameter not in [a.arg for a in init.args.posonlyargs]
    elif parameter in keyword_only:
        index, by_keyword = None, True
        default = init.args.kw_defaults[keyword_only.index(parameter)]
    else:
        return False  # (`*args`, `**kwargs`)
    if default is not None and not _a_new_value(reading, default, seen, immutable=True):
        return False  # (a default is made once, shared by every call leaving it: attack round 109's `items=[]`)
    parents = _parents(reading)
    kept = _a_class_kept_to_its_statements(reading, cls)
    if kept is None or any(isinstance(n, ast.Name) and n.id == "__init__" for n in reading.nodes):
        return False  # (`__call__ = __init__` in a class body: attack round 115)
    derived, calls_of_names = kept
    # the class and its subclasses that write no __init__ of their own (their calls are the class's __init__'s); a
    # subclass's own __init__ hands the class's what its super().__init__(...) gives (fairness round 76)
    family = {name: cls}
    passed_on = set()  # the super().__init__(*args, **kwargs) calls of subclasses that only pass their calls on
    grown = True
    while grown:
        grown = False
        for other in derived.values():
            if other.name in family or other is cls or _base_in(other, derived) not in family:
                continue
            inits = [st for st in other.body if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef))
                     and st.name == "__init__"]
            if not inits:
                if _binds_anywhere(other, "__init__"):
                    return False  # (an __init__ in an `if` of its body, or bound otherwise: attack round 113)
                family[other.name] = other
                grown = True
            elif len(inits) == 1 and (through := _passes_its_calls_on(inits[0])) is not None:
                passed_on.add(id(through))  # (`def __init__(self, *args, **kwargs): super().__init__(*args,
                family[other.name] = other  # **kwargs)`: its calls are the class's, fairness round 77)
                grown = True
    calls = [c for c in calls_of_names if isinstance(c.func, ast.Name) and c.func.id in family]
    # `Acc.__init__(self, start)` (a subclass's old-style call): a call of the class's __init__ given the rest
    explicit = set()
    for node in reading.nodes:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "__init__" \
                and isinstance(node.func.value, ast.Name) and (bindings := reading.bindings.get(node.func.value.id)) \
                and all(isinstance(b, ast.ClassDef) and not b.decorator_list for b, _ in bindings):
            # (a name bound to an undecorated class statement only: not `B = BOX`, `@lambda c: BOX class B`,
            # attack round 116)
            explicit.add(id(node))
            if node.func.value.id in family:
                if not node.args or isinstance(node.args[0], ast.Starred):
                    return False
                calls.append(ast.Call(func=node.func, args=node.args[1:], keywords=node.keywords))
    # every super().__init__(...) that reaches the class's __init__: in any method of a subclass whose base is of the
    # family (not only its top-level __init__: attack round 113's `def reset(self): super().__init__(KEEP)`), or
    # naming such a subclass (`super(Sub, obj)`); one naming what the reader cannot name is not followed
    for node in reading.nodes:
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "__init__"
                and isinstance(node.func.value, ast.Call) and isinstance(node.func.value.func, ast.Name)
                and node.func.value.func.id == "super"):
            continue
        given = node.func.value.args
        if "super" in reading.bindings:
            return False  # (a `super` of the submission's: attack round 114)
        if given:
            if not isinstance(given[0], ast.Name) or given[0].id not in derived and not any(
                    isinstance(b, ast.ClassDef) for b, _ in reading.bindings.get(given[0].id, [])):
                return False  # (`super(type(self), self)`, `super(cls, o)`: a class the reader cannot name)
            start = derived.get(given[0].id) if given[0].id != name else None
            if start is None and given[0].id != name and any(
                    given[0].id == c.name for d in derived.values() for b in d.bases if b.id not in derived
                    for c in _classes_all_the_way(reading, b.id) or ()):
                calls.append(node)  # (`super(Mix, obj)` of a mixin before the class: attack round 115)
                continue
        else:
            start = _enclosing_class(reading, node)
            if start is None:
                return False  # (no class around it: Python refuses it, unless `super` is another's)
            start = start if start is not cls and derived.get(start.name) is start else None
        if start is not None and _base_in(start, derived) in family and id(node) not in passed_on:
            calls.append(node)
    made_by = {}  # the names a method of the class makes instances through: a classmethod's `cls`, `self`
    for method in [m for member in family.values() for m in member.body]:
        if isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)) and not any(
                isinstance(d, ast.Name) and d.id == "staticmethod" for d in method.decorator_list):
            first = [a.arg for a in method.args.posonlyargs + method.args.args][:1]
            if first:
                made_by[id(method)] = (first[0], _may_be_a_classmethod(reading, method))
    for method in [m for member in family.values() for m in member.body]:
        if id(method) not in made_by:
            continue
        first, is_class = made_by[id(method)]
        for node in ast.walk(method):
            if not (isinstance(node, ast.Name) and node.id == first):
                continue
            parent = parents.get(id(node))
            if is_class and isinstance(parent, ast.Call) and parent.func is node:
                calls.append(parent)  # (`cls(...)`)
            elif isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name) and parent.func.id == "type" \
                    and parent.args == [node] and isinstance(call := parents.get(id(parent)), ast.Call) \
                    and call.func is parent:
                calls.append(call)  # (`type(self)(...)`)
            elif isinstance(parent, ast.Attribute) and parent.attr == "__class__" and isinstance(
                    call := parents.get(id(parent)), ast.Call) and call.func is parent:
                calls.append(call)  # (`self.__class__(...)`)
            elif is_class and not (isinstance(parent, ast.Attribute) and (
                    not parent.attr.startswith("__") or parent.attr in FUNCTION_TEXTS)):
                return False  # (`cls` handed on, or its special attributes: not followed)
    for node in reading.nodes:
        if isinstance(node, ast.Attribute) and node.attr == "__init__" and isinstance(node.ctx, ast.Load) and not (
                isinstance(call := parents.get(id(node)), ast.Call) and call.func is node or isinstance(
                    call, ast.Attribute) and call.attr in FUNCTION_TEXTS):
            return False  # (`f = BOX.__init__; f(KEEP)`, `map(BOX.__init__, ...)`, `super().__init__.__call__(KEEP)`:
            # an __init__ not called where it is named, attack round 114)
        if isinstance(node, ast.Attribute) and node.attr in ("__init__", "__class__") and isinstance(
                call := parents.get(id(node)), ast.Call) and call.func is node and call not in calls \
                and id(call) not in explicit and not (
                node.attr == "__init__" and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name)
                and node.value.func.id == "super"):
            return False  # (`obj.__init__(KEEP)`, `other.__class__(KEEP)`; a super().__init__(...) reaching the
            # class's is read above, no base being computed)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Call) and isinstance(node.func.func, ast.Name) \
                and node.func.func.id == "type" and node not in calls:
            return False  # (`type(obj)(KEEP)`)
    for call in calls:
        if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
            return False
        given = [k.value for k in call.keywords if k.arg == parameter and by_keyword]
        if index is not None and index < len(call.args):
            given.append(call.args[index])
        if not given and default is None:
            return False  # (a call Python refuses, or one the reader misread)
        if not all(_a_new_value(reading, g, seen, immutable=immutable) for g in given):
            return False
    return True


def _keeps_an_operand(reading: _Reading, function: ast.AST, *, method: bool, depth: int,
                      fresh: bool = False) -> str | None:
    """How ``function`` (a special method, or a helper one hands its operands to) may keep what it is handed, else
    None.  Its operands are its parameters but ``self`` (with ``method`` False, every parameter); a value holds one
    when it names one or a local that holds one, anywhere in it, but for a new int or bool made of it
    (:data:`EXACT_VALUE_BUILTINS`, ``is``, ``in``, ``not``) and a text (an f-string).  Read as keeping:

    - a value holding an operand stored on ``self`` or on what stands for it (``box = [self]``, ``type(self)``, a
      loop's, a ``with``'s or an unpacking's name), as a value or a key, by assignment, a ``for`` target, ``del`` or
      a changing method (:data:`CHANGING_METHOD_NAMES`); not an in-place operator's store on its instance's
      attribute (``self.total = self.total + other``: ``a += b`` shows it), nor ``fresh`` (an ``__init__`` filling a
      new object);
    - the same stored in a module's object or through a local alias of one (``h = HELD``);
    - a store into an operand or what stands for it, or a changing method of it handed a value;
    - an operand handed to a call that is not of :data:`PURE_BUILTINS`, :data:`PURE_FUNCTIONS`,
      :data:`PURE_METHODS`, a copy, or the submission's own code keeping nothing by this same reading (to
      :data:`MAX_OPERAND_HELPERS` deep); a function or class made inside it that holds an operand holds it; an
      exception caught inside it may hold one (attack rounds 100 and 101)."""
    visiting = reading.memo.setdefault("operand_keepers_visiting", set())
    if id(function) in visiting:
        return None  # (a method calling itself, or its parent's through super(): read once, where it is)
    # (memoised: a helper named alike in many classes is read once per depth, not once per path to it)
    memo = reading.memo.setdefault("operand_keepers", {})
    key = (id(function), method, depth, fresh)
    if key not in memo:
        visiting.add(id(function))
        try:
            memo[key] = _keeps_an_operand_once(reading, function, method=method, depth=depth, fresh=fresh)
        finally:
            visiting.discard(id(function))
    return memo[key]


def _keeps_an_operand_once(reading: _Reading, function: ast.AST, *, method: bool, depth: int,
                           fresh: bool) -> str | None:
    positional = [a.arg for a in function.args.posonlyargs + function.args.args]
    instance = positional[0] if method and positional else None
    operands = _parameter_names(function) - {instance}
    body = list(ast.walk(function.body)) if isinstance(function, ast.Lambda) else [
        n for statement in function.body for n in ast.walk(statement)]
    declared = {name for n in body if isinstance(n, (ast.Global, ast.Nonlocal)) for name in n.names}
    local = ({n.id for n in body if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
             | _parameter_names(function) | {n.name for n in body if isinstance(n, (
                 ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
             | {n.name for n in body if isinstance(n, ast.ExceptHandler) and n.name}) - declared
    name_of = getattr(function, "name", "")
    in_place = name_of in IN_PLACE_DUNDERS and method or fresh
    # a cache's keys: `obj[key]` shows the key it is handed (fairness rounds 31, 70, 71: a history dict's
    # __missing__, window caches).  Not read back as what conv2d reaches: attack round 101's `BOX[F.conv2d]` with
    # conv2d calling `next(iter(BOX.cache))` is caught by the worker's trace alone (an open hole of the reader's)
    keyed = name_of in ("__getitem__", "__missing__") and method
    holding = set(operands) | {n.name for n in body if isinstance(n, ast.ExceptHandler) and n.name}
    aliases = set(operands)  # what may be an operand itself, or a part of one
    selves = {instance} - {None}  # what may be the instance, or a part of it
    set_on: set[str] = set()
    if name_of in ("__set__", "__delete__") and method and len(positional) >= 2:
        # the object a descriptor is set on: `obj.attr = value` shows what it gets, however it stores it (fairness
        # rounds 8 and 53; cheats r36's `inst.keep(value, self)`)
        aliases.discard(positional[1])
        selves.add(positional[1])
        set_on.add(positional[1])
    if name_of == "__get__" and method:
        # what a descriptor is read on and through: `obj.attr` shows both (cheats r36's honest q6 parts: a table
        # descriptor noting the instances it is read on)
        holding -= set(positional[1:3])
        aliases -= set(positional[1:3])
    # torch's dispatch hands its special method the function it runs, which it calls (fairness round 46's
    # TorchFunctionMode counting operations)
    dispatched = positional[1] if name_of in ("__torch_function__", "__torch_dispatch__") and len(positional) >= 2 \
        else None

    def mentions(node: ast.AST | None, names: set[str]) -> bool:
        """Whether ``node`` names one of ``names`` other than inside an f-string (a text made of it)."""
        todo = [] if node is None else [node]
        while todo:
            current = todo.pop()
            if isinstance(current, ast.Name) and current.id in names:
                return True
            if not isinstance(current, ast.JoinedStr):
                todo.extend(ast.iter_child_nodes(current))
        return False

    def may_hold(node: ast.AST | None) -> bool:
        """Whether ``node``'s value may be, or hold, an operand (not a new int, bool or text made of one)."""
        if node is None or isinstance(node, (ast.Constant, ast.JoinedStr)):
            return False
        if isinstance(node, ast.Compare) and all(isinstance(op, (ast.Is, ast.IsNot, ast.In, ast.NotIn))
                                                 for op in node.ops):
            return False  # (always a bool)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return False
        if isinstance(node, ast.Attribute) and node.attr in FUNCTION_TEXTS:
            return False  # (`func.__name__`: a text; fairness round 46's operation counter)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "getattr" \
                and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant) and node.args[1].value in FUNCTION_TEXTS:
            return False
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in EXACT_VALUE_BUILTINS \
                and node.func.id not in reading.bindings:
            return False
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in NUMBER_BUILTINS \
                and node.func.id not in reading.bindings \
                and not _own_member_names(reading) & (NUMBER_BUILTINS[node.func.id] | {"__torch_function__"}):
            return False  # (`abs(self.value - other.value)`: a number, unless a class of the submission's makes it;
            # fairness rounds 70 and 71's approximate comparisons keeping their last error)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in NUMBER_METHODS \
                and node.func.attr not in _own_member_names(reading) and not node.args and not node.keywords \
                and _makes_no_object_arrays(reading) \
                and not any(isinstance(n, (ast.List, ast.Tuple, ast.Set, ast.Dict, ast.ListComp)) or isinstance(
                    n, ast.Call) and (_resolved(reading, n.func) or "").startswith("numpy.")
                    for part in [node.func.value, *(value for name in ast.walk(node.func.value)
                                                    if isinstance(name, ast.Name) and name.id in local
                                                    for value in bound_to.get(name.id, []))]
                    for n in ast.walk(part)):
            # (not `numpy.array([other], dtype=object).item()`, nor through a local bound so: attack round 104)
            return False  # (`(self.tensor - other).abs().max().item()`: a tensor's number)
        if isinstance(node, (ast.Tuple, ast.List, ast.Set, ast.Dict, ast.BoolOp, ast.IfExp, ast.Starred)):
            # a display, or a choice between values: what its parts may hold
            parts = [node.body, node.orelse] if isinstance(node, ast.IfExp) else node.values if isinstance(
                node, ast.BoolOp) else [node.value] if isinstance(node, ast.Starred) else [*node.keys, *node.values] \
                if isinstance(node, ast.Dict) else node.elts
            return any(may_hold(part) for part in parts)
        return mentions(node, holding)

    def stands_for(node: ast.AST | None, names: set[str]) -> bool:
        """Whether ``node`` may be one of ``names``' objects or a part of it: the name, an attribute or an item of
        it, a display holding it, a choice between such, ``type(x)``, ``vars(x)``, ``getattr(x, ...)``."""
        if node is None:
            return False
        if isinstance(node, ast.Name):
            return node.id in names
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
            return False  # (`self.values[:]`: a copy of a list, a view of a tensor's numbers; fairness round 71)
        if isinstance(node, (ast.Attribute, ast.Subscript, ast.Starred, ast.NamedExpr)):
            return stands_for(node.value, names)
        if isinstance(node, (ast.IfExp, ast.BoolOp, ast.Tuple, ast.List, ast.Set, ast.Dict)):
            parts = [node.body, node.orelse] if isinstance(node, ast.IfExp) else node.values if isinstance(
                node, ast.BoolOp) else [*node.keys, *node.values] if isinstance(node, ast.Dict) else node.elts
            return any(stands_for(part, names) for part in parts)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in (
                "type", "vars", "getattr", "iter", "next", "list", "tuple", "reversed") and node.args:
            return stands_for(node.args[0], names)
        return False

    # Locals only ever bound to a new container or instance (a display, a comprehension, a copy, a new list, dict,
    # set or tuple, an instance of the submission's class): a store into one of them, or a changing method of one,
    # changes that new object alone.  Any other local may be anything a call handed back (attack round 102:
    # `h = max([self])`, `{0: HELD}.get(0)`, `[self].pop()`, `numpy.asarray(HELD)`).
    bound_to: dict[str, list[ast.AST]] = {}
    for n in body:
        if isinstance(n, (ast.Assign, ast.AnnAssign)) and n.value is not None:
            for target in n.targets if isinstance(n, ast.Assign) else [n.target]:
                if isinstance(target, ast.Name):
                    bound_to.setdefault(target.id, []).append(n.value)
    stores = {}
    for n in body:
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
            stores[n.id] = stores.get(n.id, 0) + 1
    # (and no other binding: a `case h:` capture, `except E as h`, an import, a def: attack round 103)
    bound_otherwise = {getattr(n, "name", None) for n in body if isinstance(n, (
        ast.MatchAs, ast.MatchStar, ast.ExceptHandler, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))} | {
        getattr(n, "rest", None) for n in body if isinstance(n, ast.MatchMapping)} | {
        (a.asname or a.name).split(".")[0] for n in body if isinstance(n, (ast.Import, ast.ImportFrom)) for a in n.names}
    made_here = {name for name, values in bound_to.items() if name in local and name not in _parameter_names(function)
                 and name not in bound_otherwise and len(values) == stores.get(name)
                 and all(_makes_a_new_object(reading, v) for v in values)}


    part_captures: set[str] = set()  # names a `match` binds to a part of its subject
    whole_captures: set[str] = set()  # ... to the subject or an element of it
    starting = (set(holding), set(aliases), set(selves))

    def propagate(skip: ast.AST | None = None) -> None:
        """What local names may hold or stand for, to a fixed point (bounded by the locals: attack round 104 moved
        the operand one name a round through six copies written in reverse in a loop); ``skip``: a statement left
        out (what an in-place operator's name held before it)."""
        nonlocal holding, aliases, selves
        holding, aliases, selves = (set(names) for names in starting)
        grown = True
        while grown:
            before = (len(holding), len(aliases), len(selves))
            for n in body:
                if n is skip:
                    continue
                if isinstance(n, ast.Match):
                    # a capture holds the subject or a part of it (attack round 104: `match other: case h:`)
                    captured = {name for case in n.cases for p in ast.walk(case.pattern)
                                for name in (getattr(p, "name", None), getattr(p, "rest", None))
                                if isinstance(name, str)} - declared
                    # (a class pattern's keywords capture attributes of the subject: parts, not the subject itself)
                    parts = {name for case in n.cases for p in ast.walk(case.pattern) if isinstance(p, ast.MatchClass)
                             for sub in [*p.patterns, *p.kwd_patterns] for q in ast.walk(sub)
                             for name in (getattr(q, "name", None),) if isinstance(name, str)}
                    part_captures.update(parts)
                    whole_captures.update(captured - parts)
                    if may_hold(n.subject):
                        holding |= captured
                    if mentions(n.subject, aliases):
                        aliases |= captured
                    if mentions(n.subject, selves):
                        selves |= captured
                if isinstance(n, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.NamedExpr, ast.For, ast.AsyncFor,
                                  ast.withitem, ast.comprehension)):
                    value = n.iter if isinstance(n, (ast.For, ast.AsyncFor, ast.comprehension)) else \
                        n.context_expr if isinstance(n, ast.withitem) else n.value
                    targets = n.targets if isinstance(n, ast.Assign) else [
                        n.optional_vars if isinstance(n, ast.withitem) else n.target]
                    names = {t.id for target in targets if target is not None for t in ast.walk(target)
                             if isinstance(t, ast.Name) and isinstance(t.ctx, ast.Store)} & local
                    entered = isinstance(n, ast.withitem)  # (`with x as h`: h is what x's __enter__ hands back)
                    if may_hold(value):
                        holding |= names
                    if stands_for(value, aliases) or entered and mentions(value, aliases):
                        aliases |= names
                    if stands_for(value, selves) or entered and mentions(value, selves):
                        selves |= names
                if isinstance(n, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Call)):
                    # what is put into an object made here makes it hold that (attack round 103: `h = []`,
                    # `h.append(other)`, then `self.box = h`)
                    if isinstance(n, ast.Call):
                        filled = [n.func.value] if isinstance(n.func, ast.Attribute) and may_hold(ast.Tuple(
                            elts=[*n.args, *(k.value for k in n.keywords)], ctx=ast.Load())) else []
                    else:
                        filled = [t for t in (n.targets if isinstance(n, ast.Assign) else [n.target])
                                  if isinstance(t, (ast.Attribute, ast.Subscript))] if may_hold(n.value) else []
                    holding |= {root for t in filled if (root := _stored_root(t)) in local}
                if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and n is not function \
                        and mentions(n, holding):
                    holding.add(n.name)  # (a closure, a default, a class attribute: attack round 100's `def grab():
                    # return other`, `def put(box=self, fn=other)`, `class K: fn = other`)
            grown = (len(holding), len(aliases), len(selves)) != before

    propagate()
    # Names only ever bound to a new object here (`acc = 0`, `parts = []`), an in-place operator on which changes that
    # object alone; any other name's `h += [other]` changes what it names (attack round 104: `h = HELD`, `h =
    # self.items`, a parameter's default, a loop's name)
    assigned_new = {name for name, values in bound_to.items() if name in local
                    and name not in _parameter_names(function) and name not in bound_otherwise
                    and len(values) + sum(1 for n in body if isinstance(n, ast.AugAssign)
                                          and isinstance(n.target, ast.Name) and n.target.id == name)
                    == stores.get(name) and all(_makes_a_new_object(reading, v) and not (
                        isinstance(v, ast.Call) and _resolved(reading, v.func) == "copy.copy") for v in values)
                    and (not all(_a_new_value(reading, v, immutable=True) for v in values) or all(
                        _operators_hand_back_new(reading, n.op, in_place=True, immutable=True) for n in body
                        if isinstance(n, ast.AugAssign) and isinstance(n.target, ast.Name) and n.target.id == name))}
    # (not `out = copy.copy(self)`: a new instance whose attributes are the instance's own objects, which its
    # in-place operator changes: attack round 112; nor `t = 0.0; t += TT` with TT's `__radd__` handing back TT, a
    # module's list, attack round 116)

    looping: set[str] = set()

    def looped_over_parts(name: str) -> bool:
        """A loop's name bound only by loops over parts of operands (``for i, x in enumerate(other.v)``,
        ``zip(self.v, other.v)``): an element of such a part, as ``other.v[i]`` is (fairness round 75)."""
        if name in looping or name in bound_to or name in bound_otherwise or name in declared:
            return False
        loops = [n for n in body if isinstance(n, (ast.For, ast.AsyncFor, ast.comprehension)) and any(
            isinstance(t, ast.Name) and t.id == name for t in ast.walk(n.target))]
        if not loops or len(loops) != stores.get(name):
            return False
        looping.add(name)
        try:
            for loop in loops:
                sources = [loop.iter]
                while any(isinstance(c, ast.Call) and isinstance(c.func, ast.Name) and c.func.id in (
                        "enumerate", "zip", "reversed", "sorted") and c.func.id not in reading.bindings
                          and not c.keywords for c in sources):
                    sources = [a for c in sources for a in (c.args if isinstance(c, ast.Call) else [c])]
                if not all(only_parts_of_operands(source) for source in sources):
                    return False
            return True
        finally:
            looping.discard(name)

    def only_parts_of_operands(value: ast.AST) -> bool:
        """``other.count``, ``self.n + other.n``, ``abs(a - b)``, a part a class pattern captures: values read off an
        operand and combined by arithmetic, which Python's own operands (a function, a list of them) do not have as
        objects of the submission's; anything else that names an operand (``[other][:]``, ``list((other,))``,
        ``sorted([other])``, a local holding one, ``other.__call__``) may be or hold one (attack rounds 104, 107)."""
        if not mentions(value, holding):
            return True
        if isinstance(value, ast.Attribute):
            return not (value.attr.startswith("__") and value.attr.endswith("__")) and (
                isinstance(value.value, ast.Name) and (value.value.id in operands or value.value.id in part_captures)
                or only_parts_of_operands(value.value))
        if isinstance(value, ast.Subscript):
            return only_parts_of_operands(value.value) and isinstance(value.value, (ast.Attribute, ast.Subscript)) \
                and not mentions(value.slice, holding)
        if isinstance(value, ast.Name):
            return value.id in part_captures and value.id not in bound_to and value.id not in whole_captures \
                or looped_over_parts(value.id)
        if isinstance(value, ast.BinOp):
            return only_parts_of_operands(value.left) and only_parts_of_operands(value.right)
        if isinstance(value, ast.UnaryOp):
            return only_parts_of_operands(value.operand)
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and not value.keywords \
                and value.func.id not in reading.bindings and (value.func.id in EXACT_VALUE_BUILTINS or (
                    value.func.id in NUMBER_BUILTINS and not _own_member_names(reading) & (
                        NUMBER_BUILTINS[value.func.id] | {"__torch_function__"}))):
            return True  # (a new number)
        return False

    def keys_of(target: ast.AST) -> list[ast.AST]:
        keys = []
        while isinstance(target, (ast.Attribute, ast.Subscript, ast.Starred)):
            if isinstance(target, ast.Subscript):
                keys.append(target.slice)
            target = target.value
        return keys

    def own_alias(name: str) -> bool:
        """Whether a local is bound only to the instance's own attributes (:func:`_own_data_of`): ``vals =
        self.vals``, then changed in place, as ``self.vals`` itself would be."""
        values = bound_to.get(name, [])
        return bool(values) and name not in _parameter_names(function) and name not in bound_otherwise \
            and len(values) + sum(1 for m in body if isinstance(m, ast.AugAssign) and isinstance(
                m.target, ast.Name) and m.target.id == name) == stores.get(name) \
            and all(isinstance(v, ast.Attribute) and _own_data_of(reading, v, instance, changed=True) for v in values)

    def changed(base: ast.AST, given: ast.AST) -> str | None:
        """A changing method of ``base``'s object (``base.append(...)``) handed ``given``."""
        if stands_for(base, aliases) or _stored_root(base) in aliases:
            return "changes an operand"
        if not may_hold(given):
            return None
        if isinstance(base, ast.Name) and base.id in made_here:
            return None  # (`merged.extend(other.values)`: a new object made here)
        if stands_for(base, selves) or _stored_root(base) in selves:
            if in_place and (own_alias(base.id) if isinstance(base, ast.Name) else _own_data_of(
                    reading, base, instance, changed=True)) and not (
                    isinstance(base, ast.Subscript) and not _items_new(
                        reading, attribute_of(base), immutable=False, depth=depth_of(base))):
                return None  # (`self.items.extend(other)` in an __iadd__, the instance's own list; `vals =
                # self.vals; vals.append(other)`: fairness round 74; an item of it, when every item is new: not
                # `self.v.append(KEEP)`, then `self.v[-1] += other`, attack round 113; an item of an item, when
                # every item is of Python's immutable kinds: not `self.v[0] += (KEEP,)`, attack round 114)
            return "keeps an operand on its instance"
        return f"keeps an operand in {_stored_root(base) or 'an object it cannot name'}"

    def depth_of(node: ast.AST) -> int:
        """How many items down ``node`` is (`self.v[i]`: 1; `self.grid[i][j]`: 2)."""
        depth = 0
        while isinstance(node, ast.Subscript):
            node, depth = node.value, depth + 1
        return depth

    def copied_attribute(value: ast.AST) -> str | None:
        """The attribute a shallow copy of a list is made of (`list(self.v)`, `self.v.copy()`, `self.v[:]`,
        `[*self.v]`, `[x for x in self.v]`, `copy.copy(self.v)`: fairness rounds 75 and 78), else None."""
        source = None
        if isinstance(value, ast.Call) and not value.keywords:
            if isinstance(value.func, ast.Name) and value.func.id == "list" and _the_builtin(reading, value.func) \
                    and len(value.args) == 1 or _resolved(reading, value.func) == "copy.copy" and len(value.args) == 1:
                source = value.args[0]
            elif isinstance(value.func, ast.Attribute) and value.func.attr == "copy" and not value.args \
                    and _a_copying_method(reading, "copy"):
                source = value.func.value
        elif isinstance(value, ast.Subscript) and isinstance(value.slice, ast.Slice) and not any(
                (value.slice.lower, value.slice.upper, value.slice.step)):
            source = value.value
        elif isinstance(value, ast.List) and len(value.elts) == 1 and isinstance(value.elts[0], ast.Starred):
            source = value.elts[0].value
        elif isinstance(value, ast.ListComp) and len(value.generators) == 1 and not value.generators[0].ifs \
                and isinstance(value.elt, ast.Name) and isinstance(value.generators[0].target, ast.Name) \
                and value.elt.id == value.generators[0].target.id:
            source = value.generators[0].iter
        return source.attr if isinstance(source, ast.Attribute) else None

    def attribute_of(node: ast.AST) -> str | None:
        """The instance's attribute an item or an alias stands for (`self.v[i]`, `vals[i]` with `vals = self.v`)."""
        while isinstance(node, ast.Subscript):
            node = node.value
        if isinstance(node, ast.Name) and len(bound_to.get(node.id, [])) == 1:
            node = bound_to[node.id][0]
        return node.attr if isinstance(node, ast.Attribute) else None

    def a_target_of_its_own(target: ast.AST) -> bool:
        """An in-place operator's target a part of an operand may be added to: a new local, a local bound only to
        the instance's attributes or to new values, the instance's or a new object's attribute or item (not `total =
        KEEP; total += other.args` with a `functools.partial` operand holding F.conv2d: attack round 110)."""
        if isinstance(target, ast.Name):
            # (a new local; `c, h, w = self`, a part of the instance; a local bound only to the instance's own
            # attributes, which every store makes new, or to immutable values: not `self.vals = KEEP`, `t =
            # self.vals; t += other.args` with a library operand holding F.conv2d, attack round 112)
            values = bound_to.get(target.id, [])
            own = [isinstance(v, ast.Attribute) and isinstance(v.value, ast.Name) and v.value.id == instance and (
                _own_data_of(reading, v, instance, changed=True) or new_values_only(v.attr)) for v in values]
            if any(isinstance(v, ast.Attribute) and not o for v, o in zip(values, own)):
                return False  # (a local of the instance's parts is not one, when bound to an attribute not its own)
            return target.id in assigned_new or target.id in selves or bool(values) and all(
                o or _a_new_value(reading, v, immutable=True) for v, o in zip(values, own))
        if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and (
                target.value.id in made_here and target.value.id not in selves):
            return new_values_only(target.attr)  # (not `o = Wrap(); o.items += other.args`, `items = KEEP`)
        if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) and (
                target.value.id in made_here) and any(isinstance(v, (ast.List, ast.Tuple, ast.Set, ast.Dict))
                                                      for v in bound_to.get(target.value.id, [])):
            return all(_made_of_new_items(reading, v) for v in bound_to[target.value.id]) and (
                _a_local_of_new_items(reading, function, target.value.id))  # (not `o = [KEEP]`, `(KEEP,)`,
            # `o = [0.0]; o.append(KEEP)`)
        # a part of the instance, of a new object or of a local standing for one: every step down holds only
        # what they made (not `self.v = [KEEP]`, `self.v[0] += other.args`; `self.v[0] += (KEEP,)`, then
        # `self.v[0][0] += other.args`: attack round 114)
        chain = []
        root = target
        while isinstance(root, (ast.Attribute, ast.Subscript)):
            chain.append(root)
            root = root.value
        if not isinstance(root, ast.Name):
            return False
        chain.reverse()
        if root.id != instance and root.id not in made_here:
            values = bound_to.get(root.id, [])
            if not (len(values) == 1 and isinstance(values[0], ast.Attribute) and isinstance(
                    values[0].value, ast.Name) and values[0].value.id == instance and a_target_of_its_own(root)):
                return False
            chain.insert(0, values[0])  # (`t = self.v; t[0] += ...`: as `self.v[0]`)
        elif root.id != instance and isinstance(chain[0], ast.Subscript):
            # (a new display's item, or a copy's of the instance's own list: `out = list(self.v); out[i] += x`,
            # fairness round 75)
            depth = len([c for c in chain if isinstance(c, ast.Subscript)])
            copied = [a for v in bound_to.get(root.id, []) if (a := copied_attribute(v)) is not None]
            return all(isinstance(c, ast.Subscript) for c in chain) and bool(bound_to.get(root.id)) and (all(
                _made_of_new_items(reading, v, depth=depth) for v in bound_to[root.id]) and _a_local_of_new_items(
                reading, function, root.id, depth=depth) or depth == 1 and len(copied) == len(bound_to[root.id])
                and all(_items_new(reading, a, immutable=False) for a in copied) and _a_local_of_new_items(
                    reading, function, root.id, immutable=False))  # (a copy's items are the instance's: a part of
            # an operand added to a row of a copied grid stays on the instance, left open)
        if isinstance(chain[0], ast.Subscript):
            return root.id == instance  # (`self[i] += ...`: the instance's own special methods, judged there)
        steps = chain[1:]
        depth = 0
        for step in steps:
            if isinstance(step, ast.Subscript):
                depth += 1
            elif depth or not new_values_only(step.attr):
                return False  # (an attribute of an item, or of what the reader cannot prove new)
        attribute = chain[0]
        if root.id == instance and not (_own_data_of(reading, attribute, instance, changed=True)
                                        or new_values_only(attribute.attr)):
            return False
        last = next((c for c in reversed(chain) if isinstance(c, ast.Attribute)), attribute)
        return not depth or _items_new(reading, last.attr, immutable=False, depth=depth)

    def new_values_only(attr: str) -> bool:
        return _holds_new_values_only(reading, attr) or _holds_new_values_only(reading, attr, immutable=True)

    def changed_in_place(statement: ast.AugAssign) -> str | None:
        """``t op= v`` hands ``v`` to the in-place operator of what ``t`` held before (a list's ``+=`` extends it, a
        number's makes a new one): it changes nothing outside when that is a new value or one of Python's immutable
        kinds (:func:`_a_new_value`: fairness round 74's ``total = self.total; total += value`` on a float every
        store gives the attribute; attack round 108's ``h.items += [other]`` with ``self.items = KEEP``)."""
        target = statement.target
        if isinstance(target, ast.Name):
            name = target.id
            if name in assigned_new:
                return None
            if name in bound_to and name not in _parameter_names(function) and name not in bound_otherwise \
                    and len(bound_to[name]) + sum(1 for m in body if isinstance(m, ast.AugAssign) and isinstance(
                        m.target, ast.Name) and m.target.id == name) == stores.get(name) \
                    and all(_a_new_value(reading, v, immutable=True) for v in bound_to[name]) \
                    and all(_operators_hand_back_new(reading, m.op, in_place=True, immutable=True) for m in body
                            if isinstance(m, ast.AugAssign) and isinstance(m.target, ast.Name) and m.target.id == name):
                return None  # (a number, a text, a tuple: the operator makes a new one; unless a class of the
                # submission's makes it, `t += TT` with TT's `__radd__` handing back TT: attack round 116)
            if in_place and own_alias(name):
                return None  # (`vals = self.vals; vals += [other]` in an __iadd__: the instance's own list, as
                # `self.vals += [other]` is)
            if in_place and name in bound_to and name not in _parameter_names(function) \
                    and name not in bound_otherwise and all(
                        isinstance(v, ast.Attribute) and isinstance(v.value, ast.Name) and v.value.id == instance
                        and _a_new_value(reading, v) for v in bound_to[name]):
                return None  # (`total = self.total; total += value` in an __iadd__, the attribute holding only new
                # values: what the operator changes is the instance's own, fairness round 75)
            propagate(skip=statement)  # (what the name held before the statement rebinds it)
            try:
                return changed(target, statement.value)
            finally:
                propagate()
        if isinstance(target, ast.Attribute) and (isinstance(target.value, ast.Name) and (
                target.value.id == instance and _an_instance_of_a_plain_class(reading, target.value))
                or isinstance(target.value, ast.Name) and target.value.id in made_here and all(
                isinstance(v, ast.Call) and isinstance(v.func, ast.Name) and v.func.id in reading.bindings and all(
                    isinstance(b, ast.ClassDef) and _a_plain_class_statement(reading, b)
                    for b, _ in reading.bindings[v.func.id])
                for v in bound_to[target.value.id])) \
                and not stands_for(target.value, aliases) and (_holds_new_values_only(reading, target.attr) or (
                    _holds_new_values_only(reading, target.attr, immutable=True))):
            return None  # (`self.total += value`, `out.items += [other]` on what is always a new value; not on a
            # copy, whose attributes are the original's objects)
        if isinstance(target, ast.Subscript) and not stands_for(target, aliases):
            # an item's in-place operator changes the item, whatever holds it: an item of a display made here is
            # what the display was made of (attack round 108: `h = [KEEP]`, `h[0] += [other]`); an item of a copy
            # or of the instance's own list (`out = list(self.v)`, `self.v[i] += other`: fairness round 75) is
            # read as a store into that container (an item that is a module's object put in the instance's list is
            # the worker's trace's to see)
            root = _stored_root(target)
            if root in made_here:
                if isinstance(target.value, ast.Name) and all(_made_of_new_items(reading, v, immutable=False) and (
                        _a_local_of_new_items(reading, function, root, immutable=False)) or (
                            copied_attribute(v) is not None and _items_new(reading, copied_attribute(v))
                            and _a_local_of_new_items(reading, function, root, immutable=False)) or in_place and isinstance(
                        v, ast.Call) and len(v.args) == 1 and not v.keywords and isinstance(v.func, ast.Name)
                        and v.func.id == "list" and _own_data_of(reading, v.args[0], instance, changed=True) and (
                            only_parts_of_operands(statement.value) and _items_new(
                                reading, attribute_of(v.args[0]), immutable=False)
                            or _items_new(reading, attribute_of(v.args[0])))
                        for v in bound_to[root]):
                    return None  # (`out = [0.0] * n; out[i] += other`: an item that is a number; `v =
                    # list(self.v); v[i] += value` in an __iadd__, an item of the instance's own list)
                return f"keeps an operand in what an item of {root} holds"
            if in_place and stands_for(target, selves) and (
                    _own_data_of(reading, target, instance, changed=True) or own_alias(root)) and (
                    only_parts_of_operands(statement.value) and _items_new(
                        reading, attribute_of(target), immutable=False, depth=depth_of(target))
                    or _items_new(reading, attribute_of(target), depth=depth_of(target))):
                return None  # (an item of the instance's own list of numbers; not `self.v = [KEEP]`, then `vals =
                # self.v; vals[0] += [other]`, attack round 110, nor `self.v[0] += other.args`, round 114)
        return changed(target, statement.value)

    def kept(target: ast.AST, value: ast.AST | None) -> str | None:
        """A store of ``value`` into ``target`` (None: a deletion)."""
        if _stored_root(target) in set_on:
            return None  # (`setattr(obj, self.private, value)`: what `obj.attr = value` shows)
        holds = may_hold(value) or not keyed and any(may_hold(k) for k in keys_of(target))
        if stands_for(target, aliases) or _stored_root(target) in aliases:
            return "changes an operand"
        if not holds:
            return None
        if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) \
                and target.value.id in made_here and target.value.id not in aliases:
            return None  # (`out = list(self.v); out[i] = x`: a store into the new list alone, fairness round 75)
        if stands_for(target, selves) or _stored_root(target) in selves:
            if in_place and (_own_data_of(reading, target, instance) or isinstance(
                    target, (ast.Attribute, ast.Subscript)) and own_alias(_stored_root(target))):
                return None  # (`self.total = self.total + other`: what `a += b` shows; an __init__'s new object;
                # `v = self.v; v[i] = value`, as `self.v[i] = value`: fairness round 75)
            return "keeps an operand on its instance"
        if isinstance(target, (ast.Attribute, ast.Subscript)) and isinstance(target.value, ast.Name) \
                and target.value.id in made_here and not (
                    isinstance(target, ast.Attribute) and target.attr in _class_body_names(reading)):
            return None  # (`out.terms = ...`, `merged[k] = ...`: a new object made here; not a name a class body
            # binds, which may be a property or a descriptor whose setter runs: attack round 104)
        root = _stored_root(target)
        return f"keeps an operand in {root or 'an object it cannot name'}"  # (a module's object, a class, whatever
        # a call handed back: attack rounds 100 to 102)

    def handed_functions(call: ast.Call) -> list[ast.AST] | None:
        """The functions ``call`` (of a reading built-in, function or method) calls with what it is given: its
        ``key``, :data:`FUNCTION_TAKERS`' function, ``iter``'s callable; None when one is not the submission's own
        def or lambda, nor a pure built-in or function."""
        found: list[ast.AST] = []
        taker = call.func.id if isinstance(call.func, ast.Name) and call.func.id not in reading.bindings else \
            _resolved(reading, call.func) or ""
        where = FUNCTION_TAKERS.get(taker, 0 if taker == "iter" and len(call.args) == 2 else None)
        called = [k.value for k in call.keywords if k.arg in ("key", where)] + (
            call.args[where:where + 1] if isinstance(where, int) else [])
        for argument in called:
            if isinstance(argument, ast.Constant):
                continue
            if isinstance(argument, ast.Lambda):
                found.append(argument)
            elif isinstance(argument, ast.Name) and argument.id in reading.bindings and argument.id not in local:
                defs = _defs_named([b for b, _ in reading.bindings[argument.id]], argument.id)
                if not defs:
                    return None
                found += defs
            elif isinstance(argument, ast.Attribute) and (owned := _own_methods_named(reading, argument.attr)):
                found += owned
            elif not ((_resolved(reading, argument) or "").startswith(PURE_FUNCTIONS)
                      or isinstance(argument, ast.Name) and argument.id in PURE_BUILTINS
                      and argument.id not in reading.bindings):
                return None
        return found

    def follow(functions: list[ast.AST], bound: bool, fresh: bool = False) -> str | None:
        if depth + 1 > MAX_OPERAND_HELPERS:
            return f"hands an operand on through more than {MAX_OPERAND_HELPERS} helpers"
        for other in functions:
            inner = _keeps_an_operand(reading, other, method=bound and not _a_static_method(other)
                                      and not isinstance(other, ast.Lambda), depth=depth + 1, fresh=fresh)
            if inner is not None:
                return f"hands an operand to {getattr(other, 'name', 'a lambda')}, which {inner}"
        return None

    def with_functions(call: ast.Call, name: str) -> str | None:
        handed = handed_functions(call)
        return f"hands an operand to {name} with a function" if handed is None else \
            follow(handed, False) if handed else None

    def constructed() -> list[ast.AST]:
        """What makes a new instance of the class whose method this is (`type(self)(...)`; of any class of the
        submission's when that cannot be told: a subclass's instance may be ``self``)."""
        owner = _parents(reading).get(id(function))
        classes = [owner] if isinstance(owner, ast.ClassDef) and not any(
            isinstance(b, ast.Name) and b.id == owner.name for cls in reading.classes for b in cls.bases) \
            else reading.classes
        return [m for cls in classes for m in cls.body if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef))
                and m.name in ("__init__", "__new__", "__post_init__")]

    def module_function(call: ast.Call, arguments: list[ast.expr]) -> str | None:
        """How a call of an imported module's function, by whatever spelling, may keep what it is handed."""
        resolved = _resolved(reading, call.func) or ""
        if resolved.startswith(STORING_MODULES) and not resolved.startswith(PURE_FUNCTIONS) and arguments:
            return kept(arguments[0], ast.Tuple(elts=arguments[1:], ctx=ast.Load()))
        if resolved == "copy.deepcopy" and (len(call.args) > 1 or call.keywords):
            return "hands an operand to copy.deepcopy with a memo"  # (the memo keeps it: attack round 102)
        return with_functions(call, resolved) if resolved.startswith(PURE_FUNCTIONS) else \
            f"hands an operand to {resolved or ast.unparse(call.func)}"

    def helper(call: ast.Call, arguments: list[ast.expr]) -> str | None:
        """How ``call`` (handed an operand) may keep it."""
        func = call.func
        given = ast.Tuple(elts=arguments, ctx=ast.Load())
        if isinstance(func, ast.Name) and func.id not in local:
            name = func.id
            if name not in reading.bindings:
                if name in STORING_FUNCTIONS | {"delattr"} and arguments:
                    return kept(arguments[0], ast.Tuple(elts=arguments[1:], ctx=ast.Load()))
                if name == "getattr" and len(arguments) >= 2 and isinstance(arguments[1], ast.Constant):
                    return None  # (an attribute read by its name: `getattr(func, "__name__", "")`)
                if isinstance(getattr(builtins, name, None), type) and issubclass(getattr(builtins, name), BaseException):
                    return None  # (what it raises is read with the `except ... as e` that catches it)
                if name in PURE_BUILTINS:
                    return with_functions(call, name)
                return f"hands an operand to {name}"
            if name in reading.imported:
                return module_function(call, arguments)  # (`from operator import add`)
            own = [b for b, _ in reading.bindings[name]]
            if all(isinstance(b, ast.ClassDef) for b in own):  # a new instance of the submission's class
                return follow([m for b in own for m in b.body if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef))
                               and m.name in ("__init__", "__new__", "__post_init__")], True, fresh=True)
            members = _defs_named(own, name)
            return follow(members, False) if members else f"hands an operand to {name}"
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in reading.imported \
                and func.value.id not in local:
            return module_function(call, arguments)  # (`np.add`, `torch.allclose`, `operator.setitem`)
        if isinstance(func, ast.Attribute):
            base = func.value
            root = _stored_root(base)
            if root in set_on:
                return None
            super_call = isinstance(base, ast.Call) and isinstance(base.func, ast.Name) and base.func.id == "super"
            if func.attr == "__class__" or isinstance(base, ast.Attribute) and base.attr == "__class__" \
                    and func.attr in ("__new__", "__call__"):
                return follow(constructed(), True, fresh=True)  # (`self.__class__(...)`: a new instance)
            owned = _own_methods_named(reading, func.attr)
            if owned:
                class_named = isinstance(base, ast.Name) and base.id not in local and any(
                    isinstance(b, ast.ClassDef) for b, _ in reading.bindings.get(base.id, []))
                if func.attr == "__new__":
                    return follow(owned, True, fresh=True)
                if not (super_call or class_named or stands_for(base, selves | aliases | holding)):
                    # a method of another object: what it keeps on its own instance is kept there
                    found = follow(owned, True)
                    return found if found is None else f"{found} (on another object)"
                if mentions(base, holding) and not stands_for(base, selves):
                    return follow(owned, False)  # (its self holds an operand: attack round 103's `h.stash()`)
                # (a helper of the instance's own, `self.add(value)` in an __iadd__, changes it in place as the
                # special method may: fairness round 77)
                return follow(owned, not class_named, fresh=in_place and isinstance(base, ast.Name)
                              and base.id == instance and not class_named)
            if func.attr in _own_member_names(reading) and not (
                    func.attr in DATA_ATTRIBUTES and _only_torch_modules_stored(reading, func.attr)):
                # (`other.t.flatten()` beside a model's `self.flatten = nn.Flatten()`: torch's either way, fairness
                # round 73)
                if name_of == "__getitem__" and isinstance(base, ast.Name) and base.id == instance \
                        and func.attr not in _class_body_names(reading):
                    return None  # (a dataset's `self.transform(image)`, set where it is made: fairness round 71;
                    # not a class body's `keep = list.append`, attack round 102)
                return f"hands an operand to .{func.attr}"  # (a member the submission sets otherwise)
            if isinstance(base, ast.Name) and base.id in BUILTIN_CLASS_NAMES and base.id not in reading.bindings \
                    and arguments:
                return None if func.attr == "__new__" else kept(
                    arguments[0], ast.Tuple(elts=arguments[1:], ctx=ast.Load()))  # (`object.__setattr__(obj, n, v)`)
            changing = func.attr in CHANGING_METHOD_NAMES or func.attr.endswith("_") and not func.attr.startswith("_")
            if changing:
                if keyed and func.attr in ("setdefault", "__setitem__", "add", "get", "pop"):
                    given = ast.Tuple(elts=arguments[1:], ctx=ast.Load())  # (the key aside: a cache's)
                return changed(base, given) if arguments else None
            if super_call and (func.attr in PLAIN_DUNDERS or func.attr in OPERAND_DUNDERS) \
                    and func.attr not in IN_PLACE_DUNDERS:  # (`super().__ixor__({other})` of a set base changes the
                # instance: found checking fairness round 75's plain __ixor__)
                return None  # (Python's own method of the parent: `super().__eq__(other)`; not a library base's
                # `addFilter` or `subtract`, which keep what they are handed: attack round 104)
            if func.attr in COPYING_METHODS or func.attr in PURE_METHODS or func.attr in DATA_ATTRIBUTES:
                return with_functions(call, f".{func.attr}")
            if (_resolved(reading, func) or "").startswith(PURE_FUNCTIONS):
                return with_functions(call, func.attr)
            if stands_for(base, aliases) or _stored_root(base) in aliases:
                return None  # (a reading method of an operand: `index.indices(n)`)
            return f"hands an operand to .{func.attr}" if may_hold(given) else None  # (its own data's, a library
            # class's inherited method: `Counter.subtract`, `Logger.addHandler`, attack round 102)
        if isinstance(func, ast.Call) and isinstance(func.func, ast.Name) and func.func.id == "type" \
                and len(func.args) == 1 and stands_for(func.args[0], selves | aliases):
            return follow(constructed(), True, fresh=True)  # (`type(self)(value)`: a new instance)
        return "hands an operand to a call the grader cannot name"

    for n in body:
        how = None
        if isinstance(n, (ast.Assign, ast.AugAssign, ast.AnnAssign)) and n.value is not None or isinstance(
                n, (ast.For, ast.AsyncFor, ast.comprehension, ast.withitem)):
            value = n.iter if isinstance(n, (ast.For, ast.AsyncFor, ast.comprehension)) else \
                n.context_expr if isinstance(n, ast.withitem) else n.value
            targets = n.targets if isinstance(n, ast.Assign) else [
                n.optional_vars if isinstance(n, ast.withitem) else n.target]
            for target in targets:
                for part in ast.walk(target) if target is not None else ():
                    if isinstance(part, (ast.Attribute, ast.Subscript)) and isinstance(part.ctx, ast.Store):
                        how = how or kept(part, value)  # (`for self.fn in (other,)`: attack round 101)
            if isinstance(n, ast.AugAssign) and may_hold(value) and not (
                    only_parts_of_operands(value) and a_target_of_its_own(n.target)):
                how = how or changed_in_place(n)  # (`h += [other]`: attack round 104; `count += other.count` on an
                # int read off the instance, `other += self.params` in a __radd__: fairness round 73)
        elif isinstance(n, ast.Delete):
            how = next((h for t in n.targets if (h := kept(t, None)) is not None), None)
        elif isinstance(n, ast.Match) and may_hold(n.subject) and (outside := sorted(declared & {
                name for case in n.cases for p in ast.walk(case.pattern)
                for name in (getattr(p, "name", None), getattr(p, "rest", None)) if isinstance(name, str)})):
            how = f"keeps an operand in {outside[0]}"  # (`global H` then `case H:` binds the module's name)
        elif isinstance(n, ast.Raise) and isinstance(n.exc, ast.Name) and n.exc.id not in local \
                and not _bound_by_classes_only(reading, n.exc.id):
            # an exception object of the module's, raised: Python sets its `__context__` and `__cause__` to what is
            # being handled, and what `from` names (attack round 104: `raise HELD from KeyError(other)`)
            how = f"keeps what it handles in {n.exc.id}, an exception object it raises"
        elif isinstance(n, (ast.Yield, ast.YieldFrom, ast.Await)) and mentions(n, holding):
            how = "hands its operands out as a generator"
        elif isinstance(n, ast.Call) and mentions(n, holding | selves):
            arguments = [*n.args, *(k.value for k in n.keywords)]
            if isinstance(n.func, ast.Name) and n.func.id == dispatched:
                how = None
            elif not mentions(n, holding):
                # handed nothing of an operand, only the instance: a changing method of what stands for it
                # changes nothing kept (what it puts in is the instance's own)
                how = None
            elif (any(isinstance(a, ast.Starred) for a in n.args) or any(k.arg is None for k in n.keywords)) \
                    and not _an_own_callee(reading, n.func) and not (
                        isinstance(n.func, ast.Name) and n.func.id in PURE_BUILTINS
                        and n.func.id not in reading.bindings):
                how = "hands an operand on unpacked"  # (the submission's own code is read for every parameter)
            else:
                how = next((h for k in n.keywords if k.arg == "out" and (h := kept(k.value, n)) is not None), None) \
                    or helper(n, arguments)  # (`torch.add(a, b, out=self.buf)` stores on the instance)
        if how is not None:
            return how
    return None

def _looked_up_by_name(reading: _Reading, call: ast.Call, methods_own: dict[int, ast.ClassDef]) -> Finding | None:
    """``getattr``/``hasattr``: readable with a constant, plain name, or a computed one on a method's own
    ``self``/``cls`` or on :data:`COMPUTED_NAME_MODULES`."""
    function = call.func.id
    if call.keywords or len(call.args) < 2 or any(isinstance(a, ast.Starred) for a in call.args):
        return Finding("unverifiable", f"{function}(...) with unpacked arguments")
    owner, name = call.args[0], call.args[1]
    if isinstance(name, ast.Name) and id(owner) in methods_own:
        # `for field in ("stride", "padding"): getattr(self, field)` (fairness round 7): each constant in turn
        looped = _looped_constants(reading, methods_own[id(owner)], name)
        if looped:
            for attr in looped:
                found = _looked_up_by_name(reading, ast.Call(func=call.func, args=[owner, ast.Constant(attr)],
                                                             keywords=[]), methods_own)
                if found:
                    return found
            return None
    if isinstance(name, ast.Constant) and isinstance(name.value, str):
        attr = name.value
        if function == "hasattr" and not attr.startswith("_"):
            return None  # a truth value, no object handed out (fairness round 14: `hasattr(torch, "compile")`)
        dunder = attr.startswith("__") and attr.endswith("__")
        private = attr.startswith("_") and not dunder and attr not in PLAIN_PRIVATE_NAMES
        if (attr in UNREADABLE_ATTRIBUTES or attr in LOADING_ATTRIBUTES or attr in UNREADABLE_IMPORTS
                or (dunder and attr not in PLAIN_DUNDER_ATTRIBUTES | READABLE_DUNDER_ATTRIBUTES)
                or attr == "__annotations__"  # handed out, not read in place (_read_in_place)
                or _is_text_timer(f"{_resolved(reading, owner)}.{attr}")
                or (private and id(owner) not in methods_own)):
            return Finding("unverifiable", f"{function}(..., {attr!r})")
        return None
    if _resolved(reading, owner) in COMPUTED_NAME_MODULES:
        return None
    if id(owner) in methods_own and _plain_prefix(name):
        return None  # getattr(self, f"conv{i}"): a method can be called on anything, so only its own layers' names
    if id(owner) in methods_own and _only_own_methods_under(reading, methods_own[id(owner)], _constant_prefix(name)):
        return None  # getattr(self, "_" + self.mode): one of the class's own methods, all of them read
    return Finding("unverifiable", f"{function} with a computed name")


def _looped_constants(reading: _Reading, cls: ast.ClassDef, name: ast.Name) -> list[str]:
    """The strings ``name`` takes in the method of ``cls`` that reads it when every binding of it there is a ``for``
    over a literal of constant strings (``for field in ("stride", "padding")``), or over a class's own constant of
    them (``for name in self.ORDER``, :func:`_class_constant_strings`); empty otherwise.  The method's bindings alone:
    a loop of another method binding the same name otherwise (``for name, m in zip(...)`` in ``__init__``) is another
    variable (fairness round 81)."""
    scope = _local_scope_of(reading, name)
    if not isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)) or _parents(reading).get(id(scope)) is not cls:
        return []
    found: list[str] = []
    for part in _loop_names_of(scope).get(name.id) or []:
        if isinstance(part, tuple):  # (enumerate or zip over a literal: the built-in itself, not a rebinding)
            function, strings = part
            if not _the_builtin(reading, function):
                return []
        else:
            strings = part if isinstance(part, list) else _class_constant_strings(reading, cls, part)
        if not strings:
            return []
        found += strings
    return found


@functools.lru_cache(maxsize=256)
def _loop_names_of(cls: ast.AST) -> dict[str, list | None]:
    """For each name bound in ``cls`` (a class or a method), what its ``for`` loops give it: a list of constant strings for a loop over a
    literal of them, the loop's iterable (a node) for a loop over an attribute (``self.ORDER``), ``(function,
    strings)`` for a loop over ``enumerate`` or ``zip`` of such a literal (``for i, name in enumerate(("c1", "c2"))``,
    ``for name, n in zip(("c1", "c2"), sizes)``: the strings, if ``function`` is the built-in); None when it is bound
    otherwise too (an assignment, a comprehension, a parameter, a loop over anything else).  One walk per class,
    whatever the number of names asked about: the reading stays linear."""
    names: dict[str, list | None] = {}
    loop_targets: set[int] = set()
    nodes = list(ast.walk(cls))

    def strings_of(literal: ast.AST) -> list[str] | None:
        if isinstance(literal, (ast.Tuple, ast.List)) and literal.elts and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in literal.elts):
            return [e.value for e in literal.elts]
        return None

    for node in nodes:
        if isinstance(node, ast.For) and isinstance(node.target, ast.Tuple) and isinstance(node.iter, ast.Call) \
                and isinstance(node.iter.func, ast.Name) and node.iter.func.id in ("enumerate", "zip") \
                and all(isinstance(t, ast.Name) for t in node.target.elts) and not node.iter.keywords \
                and not any(isinstance(a, ast.Starred) for a in node.iter.args):
            # (fairness round 82: `for i, name in enumerate(("conv1", ...)): x = getattr(self, name)(x)` cost the
            # models ten points) which of the loop's names a literal of strings gives: enumerate's second, zip's
            # k-th of its k-th argument; the others are bound to anything (None, by the walk below)
            function, arguments = node.iter.func, node.iter.args
            if function.id == "enumerate":
                given = [None, strings_of(arguments[0])] if len(arguments) == 1 else []
            else:
                given = [strings_of(a) for a in arguments]
            if len(given) == len(node.target.elts):
                for target, strings in zip(node.target.elts, given):
                    if strings is not None and (target.id not in names or names[target.id] is not None):
                        loop_targets.add(id(target))
                        names[target.id] = (names.get(target.id) or []) + [(function, strings)]
            continue
        if isinstance(node, ast.For) and isinstance(node.target, ast.Name):
            loop_targets.add(id(node.target))
            name = node.target.id
            if isinstance(node.iter, (ast.Tuple, ast.List, ast.Set)) and node.iter.elts and all(
                    isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.iter.elts):
                part = [e.value for e in node.iter.elts]
            elif isinstance(node.iter, ast.Dict) and node.iter.keys and all(
                    isinstance(k, ast.Constant) and isinstance(k.value, str) for k in node.iter.keys):
                part = [k.value for k in node.iter.keys]  # (its keys, as the class constant's above)
            elif isinstance(node.iter, ast.Attribute):
                part = node.iter
            else:
                names[name] = None
                continue
            if name not in names or names[name] is not None:
                names[name] = (names.get(name) or []) + [part]
    for node in nodes:
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load) and id(node) not in loop_targets:
            names[node.id] = None
        elif isinstance(node, ast.arg):
            names[node.arg] = None
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            names.update(dict.fromkeys(node.names))  # (a name other code may rebind while the loop runs)
        elif isinstance(node, (ast.MatchAs, ast.MatchStar, ast.ExceptHandler)) and node.name:
            names[node.name] = None  # (`case name:` binds it: attack round 120)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            names[node.rest] = None
        elif isinstance(node, ast.alias):
            names[(node.asname or node.name).split(".")[0]] = None
    return names


#: Built-ins that read a list of names without changing it or handing it on (``zip(self.order, mods)``).
NAME_LIST_READERS = frozenset({"zip", "enumerate", "len", "sorted", "reversed", "list", "tuple", "print"})


def _class_constant_strings(reading: _Reading, cls: ast.ClassDef, iterable: ast.Attribute) -> list[str]:
    """The strings of ``self.ORDER`` (or ``type(self).ORDER``, ``self.__class__.ORDER``, ``CNN.ORDER``) in a method of
    ``cls`` when every binding of an attribute so named, anywhere, is a class body's ``ORDER = ("c1", "r1", ...)`` or
    a store ``self.order = [...]``, a tuple or list of constant strings, and nothing else in the submission names the attribute but a ``for`` loop's
    iterable: no store, no call of its methods (``self.ORDER.append``), no ``setattr`` or keyword or dict key of that
    name (fairness round 81: `for name in self.ORDER: x = getattr(self, name)(x)` cost the models ten points); [] when
    not so."""
    attr, owner = iterable.attr, iterable.value
    if isinstance(owner, ast.Call) and isinstance(owner.func, ast.Name) and owner.func.id == "type" \
            and len(owner.args) == 1 and not owner.keywords and "type" not in reading.bindings:
        owner = owner.args[0]
    elif isinstance(owner, ast.Attribute) and owner.attr == "__class__":
        owner = owner.value
    methods = [f for f in cls.body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))]
    own_first = any(f.args.args and isinstance(owner, ast.Name) and owner.id == f.args.args[0].arg
                    and any(n is iterable for n in ast.walk(f)) for f in methods)
    if not (own_first or isinstance(owner, ast.Name) and owner.id == cls.name
            and len(reading.bindings.get(cls.name, ())) == 1) or attr.startswith("_"):
        return []
    strings: list[str] = []
    loop_iterables = {id(n.iter) for n in reading.nodes if isinstance(n, (ast.For, ast.comprehension))}

    def names_of(value: ast.AST) -> list[str] | None:
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in (
                "list", "tuple", "sorted") and _the_builtin(reading, value.func) and len(value.args) == 1 and all(
                    value.func.id == "sorted" and k.arg in ("key", "reverse") for k in value.keywords):
            value = value.args[0]  # (`list(("c1", ...))`: fairness round 82; `sorted(("conv2", "conv1"), key=...)`,
            # the same strings in another order: fairness round 85)
        if isinstance(value, (ast.Tuple, ast.List)) and value.elts and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in value.elts):
            return [e.value for e in value.elts]
        if isinstance(value, ast.Dict) and value.keys and all(
                isinstance(k, ast.Constant) and isinstance(k.value, str) for k in value.keys):
            return [k.value for k in value.keys]  # (a loop over a dict gives its keys: `LAYERS = {"conv1": 3, ...}`,
            # fairness round 85; no `**` unpacking, whose keys the text does not spell)
        return None

    # `self.order = ["c1", ...]` in a method: a store of such a literal, the one thing besides loops naming it
    for node in reading.nodes:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Attribute) \
                and node.targets[0].attr == attr and (stored := names_of(node.value)) is not None:
            loop_iterables.add(id(node.targets[0]))
            strings += stored
    targets: set[int] = set()
    for node in reading.nodes:
        if isinstance(node, ast.ClassDef):
            # (every statement of the body's scope, however deep: `if True: ORDER = ...`, attack round 120)
            for st in _class_scope_statements(node):
                if attr not in _names_bound_by(st) and not (isinstance(
                        st, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and st.name == attr):
                    continue
                if not (st in node.body and isinstance(st, ast.Assign) and len(st.targets) == 1
                        and isinstance(st.targets[0], ast.Name) and (stored := names_of(st.value)) is not None):
                    return []
                strings += stored
                targets.add(id(st.targets[0]))
    for node in reading.nodes:
        # the name spelled anywhere else (`ORDER.clear()` or `HOLD.append(ORDER)` in the class body, a default
        # `names=ORDER`, a `match` capture, a class pattern's `case type(ORDER=names)`) or as a text
        # (`getattr(Op, "ORDER").clear()`): what the list holds may change (attack rounds 120 and 121); its
        # attributes are read below
        if not isinstance(node, ast.Attribute) and attr in _identifiers_of(node) \
                and not (isinstance(node, ast.Name) and id(node) in targets):
            return []
    for node in reading.nodes:
        if isinstance(node, ast.ClassDef):
            continue
        elif isinstance(node, ast.Attribute) and node.attr in (attr, "__dict__") and id(node) not in loop_iterables \
                and not (node.attr == attr and isinstance(node.ctx, ast.Load) and isinstance(
                    parent := _parents(reading).get(id(node)), ast.Call) and node in parent.args
                         and isinstance(parent.func, ast.Name) and parent.func.id in NAME_LIST_READERS
                         and _the_builtin(reading, parent.func)):
            return []  # (a store, a method call, a read handed on: what it holds may change)
        elif isinstance(node, ast.Call) and (any(k.arg == attr or k.arg is None for k in node.keywords) or (
                isinstance(node.func, ast.Name) and node.func.id in ("setattr", "delattr", "vars")
                and not (len(node.args) >= 2 and isinstance(node.args[1], ast.Constant)
                         and node.args[1].value != attr))):
            return []
        elif isinstance(node, ast.Call) and (len(node.args) == 3 and isinstance(node.func, ast.Name)
                                             and node.func.id == "type" or "new_class" in ast.unparse(node.func)):
            return []  # (`type("Sub", (CNN,), {"ORDER": ...})`: a class body the reader does not see)
    return strings


def _constant_prefix(name: ast.AST) -> str:
    """The constant start of a computed attribute name: ``"conv"`` for ``f"conv{i}"``, ``"fc" + str(i)``,
    ``"block_%d" % i``; ``"_"`` for ``"_" + self.mode``; empty when it starts with a value."""
    while isinstance(name, ast.BinOp) and isinstance(name.op, (ast.Add, ast.Mod)):
        name = name.left
    if isinstance(name, ast.Call) and isinstance(name.func, ast.Attribute) and name.func.attr == "format":
        name = name.func.value
    if isinstance(name, ast.JoinedStr) and name.values:
        name = name.values[0]
    return name.value if isinstance(name, ast.Constant) and isinstance(name.value, str) else ""


def _plain_prefix(name: ast.AST) -> bool:
    """Whether a computed attribute name starts with a constant, public one: ``f"conv{i}"``, ``"fc" + str(i)``,
    ``"block_%d" % i`` (never ``_C`` or a dunder: a method can be called with any object as its ``self``)."""
    return _constant_prefix(name)[:1].isalpha()


def _only_own_methods_under(reading: _Reading, cls: ast.ClassDef, prefix: str) -> bool:
    """Whether ``getattr(self, prefix + <anything>)`` in a method of ``cls`` can only reach one of the
    methods the class's own body defines (all read whenever the class is reached).

    ``self`` is an instance of ``cls`` only when the class never leaves the text as a value: every use of its
    name calls it (``SlidingOp("maximum")``) or tests against it (``isinstance``).  A method taken off the class
    (``SlidingOp.dispatch(F, "max_pool2d")``), an alias, a subclass, all let ``self`` be something else, whose
    private names (``F._max_pool2d``) no reading lists.  With a class of the submission's own, with no base but
    its own plain classes, what an instance holds under the prefix is then: the names its class bodies bind and
    its methods set on ``self`` (listed by :func:`_instance_names`; each must be a method), and ``object``'s own
    slots (fixed, the interpreter's, running no code of anyone's but the class's own special methods, which
    rule 2 reads)."""
    name = cls.name
    if name in reading.global_in_functions or not _plain_own_class(reading, name) or not any(
            b is cls for b in _bindings_in_force(reading, name)):
        return False
    if name in _names_used_as_values(reading):
        return False
    names = _instance_names(reading, cls)
    if names is None:
        return False
    targets = [kind for attr, kind in names.items() if attr.startswith(prefix)]
    return bool(targets) and all(kind == "method" for kind in targets)


def _names_used_as_values(reading: _Reading) -> set[str]:
    """The names that appear anywhere other than as what a call calls or as ``isinstance``'s class."""
    if "values" not in reading.memo:
        called = {id(n.func) for n in reading.nodes if isinstance(n, ast.Call)}
        called |= {id(n.args[1]) for n in reading.nodes if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
                   and n.func.id in ("isinstance", "issubclass") and len(n.args) == 2}
        reading.memo["values"] = {n.id for n in reading.nodes if isinstance(n, ast.Name) and id(n) not in called}
    return reading.memo["values"]


def _class_hierarchy(reading: _Reading, cls: ast.ClassDef) -> list[ast.ClassDef]:
    """``cls`` and every class its bases name (the submission's own plain classes: see :func:`_plain_own_class`)."""
    found: list[ast.ClassDef] = []
    todo = [cls]
    while todo:
        current = todo.pop()
        if any(current is c for c in found):
            continue
        found.append(current)
        for base in current.bases:
            if isinstance(base, ast.Name):
                todo += [b for b in _bindings_in_force(reading, base.id) if isinstance(b, ast.ClassDef)]
    return found


def _instance_names(reading: _Reading, cls: ast.ClassDef) -> dict[str, str] | None:
    """The attributes an instance of ``cls`` can hold besides ``object``'s: name -> ``"method"`` (a plain
    ``def`` in a class body, nothing else under that name) or ``"data"`` (anything else: a class-level binding,
    a decorated function, an attribute a method sets on ``self``).  None when a method sets one by a computed
    name (``setattr(self, name, value)``): the names cannot be listed."""
    key = ("instance names", id(cls))
    if key not in reading.memo:
        reading.memo[key] = _list_instance_names(reading, cls)
    return reading.memo[key]


def _list_instance_names(reading: _Reading, cls: ast.ClassDef) -> dict[str, str] | None:
    names: dict[str, str] = {}

    def note(attr: str, kind: str) -> None:
        names[attr] = "data" if names.get(attr, kind) == "data" or kind == "data" else "method"

    for current in _class_hierarchy(reading, cls):
        for statement in current.body:
            plain_def = isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) \
                and not statement.decorator_list
            for bound in _names_bound_by(statement):
                note(bound, "method" if plain_def and bound == statement.name else "data")
            if not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) or not statement.args.args:
                continue
            first = statement.args.args[0].arg
            for node in _walk_scope_body(statement):
                if isinstance(node, ast.Attribute) and isinstance(node.ctx, (ast.Store, ast.Del)) \
                        and isinstance(node.value, ast.Name) and node.value.id == first:
                    note(node.attr, "data")
                elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                        and node.func.id in ("setattr", "delattr") and node.args \
                        and isinstance(node.args[0], ast.Name) and node.args[0].id == first:
                    attr = node.args[1] if len(node.args) > 1 else None
                    if not (isinstance(attr, ast.Constant) and isinstance(attr.value, str)):
                        return None
                    note(attr.value, "data")
    return names


def _own_private(reading: _Reading, node: ast.Attribute, methods_own: dict[int, ast.ClassDef]) -> bool:
    """Whether a private attribute is the submission's own: on a method's ``self``/``cls`` or its class, on a class
    it defines, or directly on an imported module other than torch or sys (``os._exit``)."""
    value = node.value
    # the class of a method's own instance, `type(self)._seen` or `self.__class__._seen`: the class's own data when
    # torch's nn.Module never reads the name (fairness round 58: seven correct files lost 10 points)
    instance = value.args[0] if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) \
        and value.func.id == "type" and _the_builtin(reading, value.func) and len(value.args) == 1 \
        and not value.keywords else value.value if isinstance(value, ast.Attribute) and value.attr == "__class__" \
        else None
    if isinstance(instance, ast.Name) and id(instance) in methods_own:
        return _a_private_name_torch_never_reads(node.attr)
    if isinstance(value, ast.Name) and _a_private_name_torch_never_reads(node.attr) \
            and _bound_only_to(reading, value, _made_by_an_own_plain_class):
        return True  # (`out = Value(...)`: an object of the submission's own; not `self._tape`, which a method
        # called through its class on another object, or a library base's keyword, may set: attack round 106)
    if _a_private_name_torch_never_reads(node.attr) and _made_by_an_own_plain_class(reading, value):
        return True  # (the same object made where it is read, `Slider(image)._slide(k, k, k, torch.max)`: fairness
        # round 85 lost 10 points to it where `s = Slider(image); s._slide(...)` kept them)
    if not isinstance(value, ast.Name):
        return False
    if id(value) in methods_own:
        return True
    if value.id in reading.imported:
        return reading.imported[value.id].split(".")[0] not in ("torch", "sys")
    # (what only changes the class, `CNN._cache = {}` at top level, is no binding of its name: fairness round 58)
    bindings = [b for b, _ in reading.bindings.get(value.id, []) if not _changes_only(b, value.id)]
    return bool(bindings) and all(isinstance(b, ast.ClassDef) for b in bindings)


def _setattrs_of_methods(nodes: list[ast.AST]) -> set[int]:
    """The ``setattr``/``delattr`` calls a method makes on its own first parameter (``self`` or ``cls``).

    Only a function defined directly in a class body, not a static method, is a method: a
    plain function whose first parameter is named ``self`` sets attributes on whatever it is
    given (``put(toolbox, "slide", f)``), which no reading of ``toolbox`` would see.
    """
    found = set()
    for cls in nodes:
        if not isinstance(cls, ast.ClassDef):
            continue
        for method in cls.body:
            if not isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)) or any(
                    isinstance(d, ast.Name) and d.id == "staticmethod" for d in method.decorator_list):
                continue
            params = method.args.posonlyargs + method.args.args
            if not params or params[0].arg not in ("self", "cls"):
                continue
            body = [st for st in method.body if not isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                                     ast.ClassDef))]  # nested scopes: not the method's
            for node in (n for st in body for n in _walk_scope(st)):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in (
                        "setattr", "delattr") and node.args and isinstance(node.args[0], ast.Name) \
                        and node.args[0].id == params[0].arg:
                    found.add(id(node))
    return found


def _plain_super_method(reading: _Reading, node: ast.Attribute) -> bool:
    """``super().__repr__()``: the parent's own plain special method, read (``super`` not rebound)."""
    call = node.value
    return (isinstance(node.ctx, ast.Load) and node.attr in PLAIN_DUNDERS and isinstance(call, ast.Call)
            and isinstance(call.func, ast.Name) and call.func.id == "super" and "super" not in reading.bindings)


def _settings_chain(chain: str) -> bool:
    return bool(SETTABLE_MODULE_ATTRIBUTES.match(chain))


def _imported_only(reading: _Reading, name: str | None) -> bool:
    """Whether every binding of ``name`` is an import (``import torch`` in two cells is still torch)."""
    bindings = reading.bindings.get(name or "", [])
    return bool(bindings) and name not in reading.global_in_functions and all(
        isinstance(b, (ast.Import, ast.ImportFrom)) for b, _ in bindings)


def _plain_data(node: ast.AST | None) -> bool:
    """A literal of constants (``"all"``, ``[""]``, ``[]``, ``(1, 2)``): data, naming and calling nothing."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return all(_plain_data(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return all(k is not None and _plain_data(k) for k in node.keys) and all(_plain_data(v) for v in node.values)
    return False


def _plain_data_setting(reading: _Reading, node: ast.AST, root: str) -> bool:
    """``sys.argv = [""]``, ``logging.root.handlers = []``, ``InteractiveShell.ast_node_interactivity = "all"``:
    a literal of constants assigned (plainly: no augmented assignment, no deletion) to an attribute of a module
    other than torch and NumPy, whose functions the checks' passes run.  No code of the submission's runs
    through a constant; a handler, a hook or a function assigned is still a patch (fairness round 30: three
    notebook recipes cost -10 each)."""
    module = reading.imported.get(root, "").split(".")[0]
    value = getattr(node, "value", None)
    # (`sys.argv = sys.argv[:1]`, `[sys.argv[0]]`: the command line's own words, texts; fairness round 66)
    own_words = module == "sys" and value is not None and all(
        isinstance(n, (ast.Subscript, ast.Slice, ast.Constant, ast.List, ast.Tuple, ast.Load, ast.UnaryOp, ast.USub))
        or isinstance(n, ast.Attribute) and n.attr == "argv" and isinstance(n.value, ast.Name) and n.value.id == root
        or isinstance(n, ast.Name) and n.id == root for n in ast.walk(value)) and any(
        isinstance(n, ast.Attribute) and n.attr == "argv" for n in ast.walk(value))
    return isinstance(node, (ast.Assign, ast.AnnAssign)) and (_plain_data(node.value) or own_words) \
        and module not in DATA_SETTINGS_EXCLUDED and (module != "sys" or all(
            _root(t)[1] in (f"{root}.{name}" for name in SYS_DATA_SETTINGS)
            for t in (node.targets if isinstance(node, ast.Assign) else [node.target])))


#: ``Tensor.__repr__``'s keyword for the text it prints in place of the tensor's values.
PRINTED_CONTENTS = "tensor_contents"
#: What sets torch's print options.
PRINT_OPTION_SETTERS = frozenset({"torch.set_printoptions"})


def _print_option_value(reading: _Reading, value: ast.expr, depth: int = 0) -> bool:
    """Whether a value given to torch's print options holds nothing of the submission's making: no object of its
    own classes, no function or lambda of its own, no callable wrapped by a library (``functools.partial``,
    ``operator.methodcaller``, ``map``...), whichever way it is spelled (attack rounds 60 and 62).  Numbers however
    computed (``math.inf``, ``np.iinfo(np.int64).max``, ``cfg["threshold"]``, ``args.precision``) are data (fairness
    round 50); what a value holds when torch prints is checked again where the by-hand code runs."""
    if depth > 8:
        return False
    if isinstance(value, ast.Lambda):
        return False
    if isinstance(value, ast.Constant):
        return True
    if isinstance(value, ast.Name):
        if value.id in reading.global_in_functions:
            return False
        function = _function_binding(reading, value)
        if function is not None:
            if value.id in _parameter_names(function):
                return _parameter_given_data(reading, function, value.id, depth)
            return all(_print_option_value(reading, v, depth + 1) for v in _local_values(function, value.id))
        for binding, _ in reading.bindings.get(value.id, []):
            if isinstance(binding, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                return False
            if isinstance(binding, (ast.Assign, ast.AnnAssign)) and binding.value is not None \
                    and not _print_option_value(reading, binding.value, depth + 1):
                return False
        return True
    if isinstance(value, ast.Call):
        func = value.func
        if _resolved(reading, func) in CALLABLE_WRAPPERS or (
                isinstance(func, ast.Name) and func.id in CALLABLE_WRAPPER_BUILTINS and _the_builtin(reading, func)):
            return False
        own = [b for b, _ in reading.bindings.get(func.id, [])] if isinstance(func, ast.Name) else []
        if any(isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
               or isinstance(b, ast.Assign) and isinstance(b.value, ast.Lambda) for b in own) or (
                any(isinstance(b, ast.ClassDef) for b in own) and not _bare_record(reading, func.id)):
            return False  # a function of the submission's, or a class that is more than a record: anything
        parts = [*value.args, *(k.value for k in value.keywords)]
        return all(_print_option_value(reading, p.value if isinstance(p, ast.Starred) else p, depth + 1)
                   for p in parts) \
            and not isinstance(func, ast.Lambda)
    if isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name):
        classes = [b for b, _ in reading.bindings.get(value.value.id, []) if isinstance(b, ast.ClassDef)]
        if classes and _function_binding(reading, value.value) is None:
            # a class's own attribute (`Config.THRESHOLD`): data when the class is a plain record and every value
            # it gives the attribute is (attack round 66: an Enum's member, an int of the submission's class)
            return len(classes) == 1 and _bare_record(reading, value.value.id) and all(
                _print_option_value(reading, v, depth + 1) for v in _class_attribute_values(classes[0], value.attr))
    if isinstance(value, (ast.Attribute, ast.Subscript)):
        # an attribute or item of a module, a record, a parsed namespace, a dict: what made the base decides, when a
        # call made it (attack round 66: an Enum made by enum's functional API of an int class of the submission's)
        base = value.value
        if isinstance(base, ast.Name):
            made = [b.value for b, _ in reading.bindings.get(base.id, []) if isinstance(b, ast.Assign)]
            return not made or not all(isinstance(v, ast.Call) for v in made) or all(
                _print_option_value(reading, v, depth + 1) for v in made)
        return _print_option_value(reading, base, depth + 1)
    return all(_print_option_value(reading, child, depth + 1) for child in ast.iter_child_nodes(value)
               if isinstance(child, ast.expr))


#: Library callables that wrap another callable or hand one back (an object of them as a print option runs it).
CALLABLE_WRAPPERS = frozenset({"functools.partial", "functools.partialmethod", "functools.reduce",
                               "operator.attrgetter", "operator.itemgetter", "operator.methodcaller",
                               "itertools.starmap", "itertools.chain", "itertools.cycle", "itertools.repeat",
                               "types.MethodType", "types.FunctionType", "types.SimpleNamespace"})
CALLABLE_WRAPPER_BUILTINS = frozenset({"map", "filter", "iter", "zip", "type", "super", "property", "classmethod",
                                       "staticmethod", "getattr", "vars", "globals", "locals", "next", "object"})


def _bare_record(reading: _Reading, name: str) -> bool:
    """Whether ``name`` is bound only to one class of the submission's that holds values and nothing else: no base,
    no method, no decorator but ``dataclass`` (a config record: its instances' attributes are what it was given)."""
    bindings = [b for b, _ in reading.bindings.get(name, [])]
    if not (len(bindings) == 1 and isinstance(bindings[0], ast.ClassDef) and not bindings[0].bases
            and not bindings[0].keywords):
        return False
    cls = bindings[0]
    if not all(_resolved_once(reading, d.func if isinstance(d, ast.Call) else d) == "dataclasses.dataclass"
               for d in cls.decorator_list):
        return False
    for statement in cls.body:  # fields of constants (a docstring), nothing else: no method, no special name
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant) or isinstance(statement,
                                                                                                      ast.Pass):
            continue
        if not isinstance(statement, (ast.Assign, ast.AnnAssign)):
            return False
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        if not all(isinstance(t, ast.Name) and not t.id.startswith("__") for t in targets) or (
                statement.value is not None and not _plain_data(statement.value)):
            return False
    return True


def _class_attribute_values(cls: ast.ClassDef, name: str) -> list[ast.expr]:
    """The values a class body gives ``name`` (none: an unknown, shown as a lambda)."""
    values = [statement.value for statement in cls.body
              if isinstance(statement, (ast.Assign, ast.AnnAssign)) and statement.value is not None and any(
                  isinstance(t, ast.Name) and t.id == name
                  for t in (statement.targets if isinstance(statement, ast.Assign) else [statement.target]))]
    return values or [ast.Lambda(args=None, body=ast.Constant(None))]


def _local_values(function: ast.AST, name: str) -> list[ast.expr]:
    """The values a function's own assignments give ``name`` (a loop, ``with``, unpacking: an unknown, shown as a
    lambda so that it is never taken for data)."""
    values: list[ast.expr] = []
    for node in ast.walk(function):
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id == name:
                    values.append(node.value if node.value is not None else ast.Constant(None))
                elif any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(target)):
                    values.append(ast.Lambda(args=None, body=ast.Constant(None)))
        elif isinstance(node, (ast.For, ast.With, ast.comprehension, ast.NamedExpr, ast.ExceptHandler)) and any(
                isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store) for n in ast.walk(
                    getattr(node, "target", None) or getattr(node, "optional_vars", None) or ast.Pass())):
            values.append(ast.Lambda(args=None, body=ast.Constant(None)))
    return values


def _parameter_given_data(reading: _Reading, function: ast.AST, name: str, depth: int,
                          given: Callable[[ast.expr], bool] | None = None) -> bool:
    """Whether ``name``, a parameter of ``function`` (a module-level ``def``, undecorated or a context manager made
    by ``contextlib``), only ever holds values ``given`` accepts (print option values by default): its default and
    every value a call by name gives it are such, and the function is handed on only to ``map`` over a literal of
    them (fairness round 46: ``list(map(show_with_precision, [2, 4]))``)."""
    accepted = given or (lambda node: _print_option_value(reading, node, depth + 1))
    if not isinstance(function, ast.FunctionDef) or function.args.vararg or function.args.kwarg or any(
            _resolved_once(reading, d) not in PASSING_DECORATORS for d in function.decorator_list) \
            or _rebound_in(function, name):
        return False
    positional = [a.arg for a in function.args.posonlyargs + function.args.args]
    if name not in positional and name not in [a.arg for a in function.args.kwonlyargs]:
        return False  # bound in the body, not a parameter
    index = positional.index(name) if name in positional else None
    defaults = _parameter_defaults(function)
    if name in defaults and not accepted(defaults[name]):
        return False
    bindings = reading.bindings.get(function.name, [])
    if len(bindings) != 1 or bindings[0][0] is not function:
        return False
    parents = _parents(reading)
    for node in reading.nodes:
        if not (isinstance(node, ast.Name) and node.id == function.name and isinstance(node.ctx, ast.Load)):
            continue
        call = parents.get(id(node))
        if not isinstance(call, ast.Call):
            return False
        if call.func is node:
            given = [k.value for k in call.keywords if k.arg == name]
            if index is not None and len(call.args) > index:
                given.append(call.args[index])
            if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords) \
                    or not all(accepted(g) for g in given):
                return False
        elif not (isinstance(call.func, ast.Name) and call.func.id == "map" and _the_builtin(reading, call.func)
                  and len(call.args) == 2 and call.args[0] is node and index == 0 and not call.keywords
                  and isinstance(call.args[1], (ast.List, ast.Tuple))
                  and all(accepted(e) for e in call.args[1].elts)):
            return False
    return True


#: Decorators that hand a function's parameters the values its callers give (:func:`_parameter_given_data`).
PASSING_DECORATORS = frozenset({"contextlib.contextmanager"})


def _environment_name(reading: _Reading, node: ast.expr) -> bool:
    """Whether ``os.environ[node]`` names a variable that is no switch of ``torch.load``'s: a text constant
    without ``WEIGHTS_ONLY``, or a helper's parameter only ever given such (fairness round 48: ``with
    env_flag("CONV_DEBUG", "1")``, a context manager setting ``os.environ[name]``)."""
    def constant(value) -> bool:
        return isinstance(value, ast.Constant) and isinstance(value.value, str) and "WEIGHTS_ONLY" not in value.value

    if constant(node):
        return True
    function = _function_binding(reading, node) if isinstance(node, ast.Name) else None
    return function is not None and node.id not in reading.global_in_functions \
        and _parameter_given_data(reading, function, node.id, 0, constant)


def _rebound_in(function: ast.AST, name: str) -> bool:
    """Whether anything in ``function`` (its nested scopes too) binds or deletes ``name`` besides its parameter list:
    an assignment, a loop, ``with ... as``, ``except ... as``, an import, a ``match`` capture, a walrus."""
    for node in ast.walk(function):
        if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, (ast.Store, ast.Del)):
            return True
        if isinstance(node, (ast.ExceptHandler, ast.MatchAs, ast.MatchStar)) and node.name == name:
            return True
        if isinstance(node, ast.MatchMapping) and node.rest == name:
            return True
        if isinstance(node, (ast.Import, ast.ImportFrom)) and any(
                (a.asname or a.name.split(".")[0]) == name for a in node.names):
            return True
        if isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names:
            return True
    return False


def _library_setting(reading: _Reading, node: ast.AST, root: str) -> bool:
    """``np.float = float``, ``collections.Iterable = collections.abc.Iterable``, ``ssl._create_default_https_context
    = ssl._create_unverified_context``: one of Python's types or a library's object (an attribute chain of a name
    only ever imported: no call, no code of the submission's) put back under a name its module no longer has
    (:data:`REMOVED_NAMES`; a function of the module's own under a function's name, :data:`REMOVED_FUNCTIONS`), or
    set on a module nothing the grading runs reads (:data:`UNREAD_MODULES`).  ``np.float, np.int = float, int``
    pairs each name with its value (fairness round 50)."""
    module = reading.imported.get(root, "").split(".")[0]
    if not isinstance(node, ast.Assign):
        return False
    pairs = []
    for target in node.targets:
        if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple) \
                and len(target.elts) == len(node.value.elts):
            pairs += list(zip(target.elts, node.value.elts))
        else:
            pairs.append((target, node.value))
    for target, value in pairs:
        if not isinstance(target, ast.Attribute):
            return False
        target_root, chain = _root(target)
        parts = chain.split(".")
        if target_root != root:
            return False
        if module in UNREAD_MODULES:
            if not _library_value(reading, value, module, types_only=False):
                return False
            continue
        if len(parts) != 2 or reading.imported.get(root) != module:
            return False
        if parts[1] in REMOVED_FUNCTIONS.get(module, {}):
            if _resolved(reading, value) != f"{module}.{REMOVED_FUNCTIONS[module][parts[1]]}":
                return False
        elif parts[1] not in REMOVED_NAMES.get(module, ()) or not _library_value(reading, value, module,
                                                                                 types_only=True):
            return False
    return True


def _library_value(reading: _Reading, value: ast.expr, module: str, *, types_only: bool) -> bool:
    """One of Python's types under its own name, or an attribute chain from a name only ever imported to an object
    that ``module`` (or a submodule of it) defines itself, where the judge runs: ``np.float64``, ``np.nan``,
    ``collections.abc.Iterable``, ``ssl._create_unverified_context`` (not ``ssl.warnings.warn``, warnings' own:
    attack round 63 hid its calls' stacklevel so).  ``types_only``: a class or a number, what a removed alias was."""
    import importlib
    import numbers

    if isinstance(value, ast.Name):
        return value.id in BUILTIN_TYPE_NAMES and value.id not in reading.bindings and value.id not in reading.imported
    base = value
    while isinstance(base, ast.Attribute):
        base = base.value
    if not (isinstance(value, ast.Attribute) and isinstance(base, ast.Name)) or base.id in reading.global_in_functions \
            or reading.imported.get(base.id, "").split(".")[0] != module:
        return False
    dotted = _resolved(reading, value) or ""
    owner, _, name = dotted.rpartition(".")
    if module not in LIBRARY_VALUE_MODULES or owner.split(".")[0] != module:
        return False
    try:
        found = getattr(importlib.import_module(owner), name)
    except Exception:  # noqa: BLE001 - no object of the module's: nothing the judge can vouch for
        return False
    if isinstance(found, numbers.Number) and type(found).__module__ in ("builtins", "numpy"):
        return True
    if types_only and not isinstance(found, type):
        return False
    return str(getattr(found, "__module__", "")).split(".")[0] == module
    bindings = reading.bindings.get(base.id, [])
    # the assignments that set the module's attributes are bindings of its name too (they change what it holds)
    return bool(bindings) and all(isinstance(b, (ast.Import, ast.ImportFrom)) or (
        isinstance(b, ast.Assign) and not any(isinstance(n, ast.Name) and n.id == base.id and isinstance(n.ctx, ast.Store)
                                              for t in b.targets for n in ast.walk(t))) for b, _ in bindings)


def _dict_slot_bindings(reading: _Reading, nodes: list[ast.AST]) -> set[int]:
    """The ``dict.__getitem__`` nodes (and the assignments' values) of class-body bindings of
    :data:`DICT_SLOT_DUNDERS` to dict's own methods (:data:`DICT_SLOTS`), ``dict`` being the built-in."""
    if "dict" in reading.bindings or "dict" in reading.imported:
        return set()
    found: set[int] = set()
    for node in nodes:
        if not isinstance(node, ast.ClassDef):
            continue
        for statement in node.body:
            if isinstance(statement, ast.Assign) and all(
                    isinstance(t, ast.Name) and t.id in DICT_SLOT_DUNDERS for t in statement.targets):
                value = statement.value
                if isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name) \
                        and value.value.id == "dict" and value.attr in DICT_SLOTS:
                    found.add(id(value))
    return found


def _object_setattrs_on_self(reading: _Reading, nodes: list[ast.AST]) -> set[int]:
    """The ``object.__setattr__`` nodes of ``object.__setattr__(self, "name", value)`` calls (a constant name that is
    no dunder) in the methods of a class with no base but ``object`` (``self`` the method's first parameter),
    ``object`` being the built-in."""
    if "object" in reading.bindings or "object" in reading.imported:
        return set()
    found: set[int] = set()
    for method, first in _methods_of_baseless_classes(nodes):
        for sub in _walk_scope_body(method):
            if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute) \
                    and sub.func.attr == "__setattr__" and isinstance(sub.func.value, ast.Name) \
                    and sub.func.value.id == "object" and len(sub.args) == 3 and not sub.keywords \
                    and isinstance(sub.args[0], ast.Name) and sub.args[0].id == first \
                    and isinstance(sub.args[1], ast.Constant) and isinstance(sub.args[1].value, str) \
                    and not sub.args[1].value.startswith("__"):
                found.add(id(sub.func))
    return found


def _methods_of_baseless_classes(nodes: list[ast.AST]):
    """``(method, name of its first parameter)`` for each ``def`` with a parameter in the body of a class with no
    base but ``object`` and no keywords (no metaclass): a class that cannot be torch's Module."""
    for node in nodes:
        if not isinstance(node, ast.ClassDef) or node.keywords or any(
                not (isinstance(b, ast.Name) and b.id == "object") for b in node.bases):
            continue
        for method in node.body:
            if isinstance(method, ast.FunctionDef) and method.args.args:
                yield method, method.args.args[0].arg


def _plain_instance_dict_updates(nodes: list[ast.AST]) -> set[int]:
    """The ``self.__dict__`` nodes of ``self.__dict__.update(kwargs)`` calls (one argument, one of the method's
    parameters, maybe ``**``-unpacked) in the methods of a class with no base (``self`` the method's first
    parameter): they set the instance's attributes from what it was given, as a ``setattr(self, k, v)`` loop does
    (a class with a base may be torch's Module, whose own ``__setattr__`` that bypasses)."""
    found: set[int] = set()
    for method, first in _methods_of_baseless_classes(nodes):
        if method.decorator_list:
            continue
        given = {a.arg for a in method.args.args[1:] + method.args.kwonlyargs} | (
            {method.args.kwarg.arg} if method.args.kwarg else set())
        for sub in _walk_scope_body(method):
            # only what the method was given, as it was given (`update(kwargs)`, `update(**kwargs)`): a value
            # written there (`update(conv=F.conv2d)`) would be bound out of the reader's sight
            arguments = list(sub.args) + [k.value for k in sub.keywords if k.arg is None] \
                if isinstance(sub, ast.Call) else []
            if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute) and sub.func.attr == "update" \
                    and len(arguments) == 1 and len(sub.args) + len(sub.keywords) == 1 \
                    and isinstance(arguments[0], ast.Name) and arguments[0].id in given:
                target = sub.func.value
                if isinstance(target, ast.Attribute) and target.attr == "__dict__" \
                        and isinstance(target.value, ast.Name) and target.value.id == first:
                    found.add(id(target))
    return found


def _flag_doctest_runners(reading: _Reading, nodes: list[ast.AST]) -> None:
    """Only ``doctest.testmod`` and ``run_docstring_examples`` are readable (their examples are the source's own
    docstrings, read as a unit of code by :func:`_read`); the rest of doctest runs examples from any string or
    file (``DocTestParser``, ``testfile``, ``script_from_examples``...)."""
    for node in nodes:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and any(
                (isinstance(t, ast.Name) and t.id == "__doc__") or (isinstance(t, ast.Attribute) and t.attr == "__doc__")
                for t in (node.targets if isinstance(node, ast.Assign) else [node.target])) and not (
                isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
            # the examples doctest runs are the docstrings' text: one made at run time is code not read (attack
            # round 40 computed a class's __doc__)
            reading.unreadable.append(Finding("unverifiable", "__doc__ = ... (a docstring made at run time, whose "
                                                              "examples doctest runs)"))
        if isinstance(node, ast.Attribute) and reading.imported.get(_root(node)[0] or "", "").startswith("doctest") \
                and node.attr not in DOCTEST_READABLE:
            reading.unreadable.append(Finding("unverifiable", f"{_root(node)[1]} (runs code from a string)"))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("doctest"):
            reading.unreadable += [Finding("unverifiable", f"from doctest import {a.name}")
                                   for a in node.names if a.name not in DOCTEST_READABLE]


def _docstring_examples(units: tuple[str, ...]) -> str:
    """The code of every ``>>>`` example in the string constants of ``units``: what doctest would run."""
    return "".join(docstring_example_sources(units))


#: The longest string constant read as a type a library may evaluate (an annotation is a line, not a page).
LONGEST_TYPE_TEXT = 1000


def type_texts(units: tuple[str, ...] | None) -> list[str]:
    """What the submission writes where a library may evaluate it as a type, each as ``ast.dump`` of its expression:
    every annotation, and every string constant that is an expression (a forward reference, ``TypeAdapter("...")``'s
    text, an annotation written as text).  A text typing or inspect evaluates for the submission must be one of
    them (grader.worker.written_code: attack round 51 had pydantic evaluate a text made at run time, which no rule
    read, and fetch what the rules refuse by name)."""
    texts = set()
    for node in _nodes_of_units(units):
        annotations = [node.annotation] if isinstance(node, (ast.arg, ast.AnnAssign)) else \
            [node.returns] if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else []
        texts.update(ast.dump(a) for a in annotations if a is not None)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) <= LONGEST_TYPE_TEXT:
            try:  # (as an expression compiles it, leading blanks aside; under the parser's lock: the batch's threads)
                body = parse(node.value.lstrip(" \t")).body
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                continue
            if len(body) == 1 and isinstance(body[0], ast.Expr):
                texts.add(ast.dump(body[0].value))
    return sorted(texts)


def _nodes_of_units(units: tuple[str, ...] | None):
    """Every node of every unit that parses, unit by unit."""
    for unit in units or ():
        try:
            tree = parse(unit)
        except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
            continue
        yield from ast.walk(tree)


def docstring_example_sources(units: tuple[str, ...] | None) -> list[str]:
    """The source of each ``>>>`` example in the string constants of ``units``, as doctest parses it: the only
    examples a worker lets doctest (or pytest's doctest plugin) run (grader.worker.written_code: attack round 41 gave
    doctest examples made at run time, a computed string or a ``.txt`` file)."""
    import doctest

    parser = doctest.DocTestParser()
    code = []
    for node in _nodes_of_units(units):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and ">>>" in node.value:
            try:
                code += [example.source for example in parser.get_examples(node.value)]
            except ValueError:  # malformed examples: doctest refuses them too
                continue
    return code


def _written_texts(reading: _Reading) -> list[str] | None:
    """The texts the submission writes, when each is a string constant or a name bound once, at the top
    level, to one and never changed; None when any is computed or written by other means (``print(...,
    file=f)``, ``shutil.copy``...)."""
    if any(w.rsplit(".", 1)[-1] not in TEXT_WRITERS and not w.startswith("open") for w in reading.writes):
        return None
    texts = [_constant_text(reading, node) for node in reading.written]
    return None if None in texts else texts + _appended_files(reading) + _files_written_in_pieces(reading)


def _writefile_cells(reading: _Reading):
    """Each ``%%writefile [-a] NAME`` cell whose options are a constant, in the order the cells run: its call,
    whether it appends, and the file it names."""
    for node in reading.nodes:
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "run_cell_magic" and _magic_name(node) == "writefile" and len(node.args) == 3
                and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)):
            continue
        words = node.args[1].value.split()
        append = bool(words) and words[0] in ("-a", "--append")
        yield node, append, " ".join(words[1:] if append else words).strip("'\"")


def _appended_files(reading: _Reading) -> list[str]:
    """What a file holds after each ``%%writefile -a NAME`` cell that adds to a file an earlier ``%%writefile NAME``
    cell wrote, in the order the cells run (a module written in two cells: fairness round 32), when every text is a
    constant read as code (:func:`_constant_text`); the whole is read and may be imported too."""
    held: dict[str, str | None] = {}
    texts = []
    for node, append, target in _writefile_cells(reading):
        text = _constant_text(reading, node.args[2])
        before = held.get(target, "") if append else ""
        held[target] = None if text is None or before is None else before + text
        if append and held[target] is not None and target in held and before:
            whole = held[target]
            if _constant_text(reading, ast.Constant(whole)) is not None:
                texts.append(whole)
            else:
                held[target] = None
    return texts


def _files_written_in_pieces(reading: _Reading) -> list[str]:
    """What a file holds that ``with open(NAME, "w") as f:`` fills with two or more ``f.write(TEXT)`` statements of
    constants read as code (fairness round 32: a module's imports and its classes written as two constants), when
    the whole is read as code too; the whole is read and may be imported."""
    texts = []
    for node in reading.nodes:
        if not isinstance(node, (ast.With, ast.AsyncWith)):
            continue
        handles = {item.optional_vars.id for item in node.items
                   if isinstance(item.optional_vars, ast.Name) and isinstance(item.context_expr, ast.Call)
                   and isinstance(item.context_expr.func, ast.Name) and item.context_expr.func.id == "open"
                   and _creates_file(item.context_expr)}
        for handle in handles:
            pieces = [st.value.args[0] for st in node.body
                      if isinstance(st, ast.Expr) and isinstance(st.value, ast.Call)
                      and isinstance(st.value.func, ast.Attribute) and st.value.func.attr == "write"
                      and isinstance(st.value.func.value, ast.Name) and st.value.func.value.id == handle
                      and len(st.value.args) == 1 and not st.value.keywords]
            texts_of = [_constant_text(reading, piece) for piece in pieces]
            if len(pieces) > 1 and None not in texts_of:
                whole = "".join(texts_of)
                if _constant_text(reading, ast.Constant(whole)) is not None:
                    texts.append(whole)
    return texts


def _creates_file(call: ast.Call) -> bool:
    """Whether ``open(...)``'s mode, a constant, writes a file from its start (``"w"``, ``"x"``, with ``t``)."""
    mode = call.args[1] if len(call.args) > 1 else next((k.value for k in call.keywords if k.arg == "mode"), None)
    return isinstance(mode, ast.Constant) and isinstance(mode.value, str) and bool(mode.value) \
        and mode.value[0] in "wx" and set(mode.value[1:]) <= {"t"}


#: Functions that make a text of a text, worked out by the reader on a constant (their results are what is written).
TEXT_FOLDERS = {"textwrap.dedent": textwrap.dedent, "inspect.cleandoc": inspect.cleandoc}


def _constant_text(reading: _Reading, node: ast.AST | None) -> str | None:
    """The text ``node`` gives a writer when it is a string constant, or a module-level name bound once to one and
    never changed (not a function's own name of the same spelling), or what a :data:`TEXT_FOLDERS` function makes of
    one (``textwrap.dedent(CONSTANT)``), and Python's import reads the same code from
    its bytes as the reader from the string (a coding cookie, ``# coding: utf-7``, or a byte-order mark would make
    the importer decode other code than was read: attack round 39); else None."""
    if isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords \
            and _resolved(reading, node.func) in TEXT_FOLDERS:
        # `write_text(textwrap.dedent(CONSTANT))`: the text its function makes of a constant (fairness round 32)
        inner = _constant_string(reading, node.args[0])
        node = None if inner is None else ast.Constant(TEXT_FOLDERS[_resolved(reading, node.func)](inner.value))
    else:
        node = _constant_string(reading, node)
    if node is None:
        return None
    try:
        same = ast.dump(parse(node.value)) == ast.dump(parse(node.value.encode("utf-8")))
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
        same = False  # a text that does not parse is not read: nothing is known of what it would do
    return node.value if same else None


#: The keywords that name the function a by-name dispatcher (:data:`BY_NAME_DISPATCH`) calls: pandas' ``agg(func=)``,
#: ``apply(func=)``, ``map(arg=)``.
DISPATCHED_KEYWORDS = frozenset({"func", "arg"})


def _evaluator_named(reading: _Reading, call: ast.Call) -> ast.expr | None:
    """The argument of a by-name dispatch (``df.agg("eval", expr=text)``) that names a text evaluator, or is a text
    made at run time: by position or keyword, directly, through a module-level constant (``HOW = "eval"``), or inside
    a list, tuple, set or dict of them (attack rounds 44 and 45); else None."""
    named = [*call.args[:1], *(k.value for k in call.keywords if k.arg in DISPATCHED_KEYWORDS)]
    for argument in named:
        for part in (argument, *getattr(argument, "elts", ()), *(v for v in getattr(argument, "values", ())
                                                                  if isinstance(argument, ast.Dict))):
            if isinstance(part, (ast.JoinedStr, ast.BinOp)):
                return part
            text = _constant_string(reading, part)
            if text is not None and text.value in STRING_EVALUATORS:
                return part
    return None


def _constant_string(reading: _Reading, node: ast.AST | None) -> ast.Constant | None:
    """``node`` when it is a string constant, or the constant a module-level name is bound to once and never changed
    (not a function's own name of the same spelling); else None."""
    if isinstance(node, ast.Name):
        node = None if _function_binding(reading, node) is not None else _module_value(reading, node.id)
    return node if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _module_value(reading: _Reading, name: str) -> ast.expr | None:
    """The value a module-level name is bound to by its one binding, a plain assignment at the top level, when
    nothing changes it later (no mutation, no ``global`` of it in a function); else None."""
    bindings = reading.bindings.get(name, [])
    if len(bindings) != 1 or not bindings[0][1] or not isinstance(bindings[0][0], ast.Assign) \
            or name in reading.mutations or name in reading.global_in_functions:
        return None
    return bindings[0][0].value


def written_code_texts(units: tuple[str, ...] | None) -> list[str]:
    """The texts the submission writes to files that the reader reads as code (:func:`_constant_text`): the only
    code written at run time a worker may run (the judge sends their digests: :mod:`grader.worker.written_code`)."""
    if not units:
        return []
    reading = _read(tuple(units))
    return [text for text in (_constant_text(reading, node) for node in reading.written) if text is not None] \
        + _appended_files(reading) + _files_written_in_pieces(reading)


def _writes_no_module(reading: _Reading) -> bool:
    """Whether every file the submission creates or opens through a call that names it has a name that no import
    loads (:func:`_names_no_module`: ``open("answers.json", "w")``, ``df.to_csv(f"{out}/counts.csv")``,
    ``logging.FileHandler("train.log")``; a copy, rename or replace by its destination, a temporary file by its
    suffix, a ``%%writefile`` whose text is read by nothing), no call makes files under names it does not give
    (:data:`OTHER_FILE_MAKERS`: an archive extracted, a tree copied), and ``sys.path`` is left alone (a zip archive
    is imported from whatever its name, once on it).  Then an import of a module that is not installed finds no
    code the submission wrote, and fails as it would anywhere (fairness round 30: a Colab check, an optional
    torchinfo or wandb import beside answers or a log written to a file cost -10 each).  The worker keeps code
    written with text no one read from running in any case (grader.worker.written_code)."""
    if "open" in reading.bindings or "open" in reading.imported:
        return False  # `open` is not the built-in
    called = {id(n.func) for n in reading.nodes if isinstance(n, ast.Call)}
    for node in reading.nodes:
        if (isinstance(node, ast.Name) and node.id in UNREADABLE_NAMES) or (
                isinstance(node, ast.Attribute) and node.attr == "__dict__"):
            return False  # a namespace reached by value (`vars(sys)["path"]`) may hold any of them
        if isinstance(node, ast.ImportFrom) and any(
                a.name in OTHER_FILE_MAKERS | NAMED_FILE_MAKERS or f"{node.module}.{a.name}" in OTHER_FILE_FUNCTIONS
                for a in node.names if node.module in ("os", "shutil", "sys", "os.path", "zipfile", "tarfile")):
            return False  # `from shutil import copy`: called by a bare name, read as no file maker below
        if isinstance(node, (ast.Name, ast.Attribute)) and (
                (node.id if isinstance(node, ast.Name) else node.attr) in OTHER_FILE_MAKERS
                or _resolved(reading, node) in OTHER_FILE_FUNCTIONS):
            return False  # named, called or not (`make = shutil.copy`)
        if isinstance(node, ast.Attribute) and node.attr in NAMED_FILE_MAKERS and id(node) not in called \
                and _resolved(reading, node.value) in ("os", "shutil"):
            return False  # `make = shutil.copy`: called later under another name
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
        if name in ATTRIBUTE_FUNCTIONS and not (len(node.args) > 1 and isinstance(node.args[1], ast.Constant)
                                                and isinstance(node.args[1].value, str)):
            return False  # an attribute by a computed name may be any of them
        if name in ATTRIBUTE_FUNCTIONS and (node.args[1].value in OTHER_FILE_MAKERS or f"{_resolved(reading, node.args[0])}"
                                            f".{node.args[1].value}" in OTHER_FILE_FUNCTIONS):
            return False  # `getattr(sys, "path")`
        if name in NAMED_FILE_MAKERS and isinstance(func, ast.Attribute):
            module = _resolved(reading, func.value)
            if module in ("os", "shutil", "os.path") and len(node.args) > 1:  # os.replace(src, dst), shutil.copy
                if not _names_no_module(reading, node.args[1]):
                    return False
                continue
            if name in ("rename", "replace", "symlink_to", "hardlink_to") and len(node.args) == 1 \
                    and not node.keywords and module is None:  # a path's own: Path(src).replace(dst)
                if not _names_no_module(reading, node.args[0]):
                    return False
                continue
            continue  # str.replace(a, b), dict.copy(), tensor.copy_()...: no file
        if name in TEMPORARY_FILES:
            suffix = next((k.value for k in node.keywords if k.arg == "suffix"), None)
            if suffix is not None and not (isinstance(suffix, ast.Constant) and isinstance(suffix.value, str)
                                           and not suffix.value.lower().endswith(IMPORTABLE_SUFFIXES)):
                return False
            continue
        if name == "basicConfig" and any(k.arg == "filename" or k.arg is None for k in node.keywords):
            target = next((k.value for k in node.keywords if k.arg == "filename"), None)
        elif name == "run_cell_magic" and _magic_name(node) == "writefile":
            if len(node.args) > 2 and _constant_text(reading, node.args[2]) is not None:
                continue  # a text read as code, whatever its name (a module the notebook writes and imports)
            target = node.args[1] if len(node.args) > 1 else None
        elif name not in NAMING_WRITERS:
            continue
        elif name == "open" and isinstance(func, ast.Name) and not _opens_for_writing(node):
            continue
        elif NAMING_WRITERS[name] == "receiver" or (name == "open" and isinstance(func, ast.Attribute)
                                                    and _resolved(reading, func) is None):
            # the path it is called on: `Path(PATH)`, `PATH_OBJECT / "name.json"`, a name bound to one
            target = func.value if isinstance(func, ast.Attribute) else None
        else:
            target = node.args[0] if node.args else None
        if not _names_no_module(reading, target):
            return False
    return True


def _opens_for_writing(call: ast.Call) -> bool:
    """Whether ``open(...)`` may write: a mode that is not a constant of ``r``, ``b`` and ``t`` only."""
    mode = call.args[1] if len(call.args) > 1 else next((k.value for k in call.keywords if k.arg == "mode"), None)
    return mode is not None and not (isinstance(mode, ast.Constant) and isinstance(mode.value, str)
                                     and set(mode.value) <= set("rbt"))


def _names_no_module(reading: _Reading, node: ast.AST | None, depth: int = 0) -> bool:
    """Whether the path ``node`` makes surely names no module: its last part is known and does not end in one of
    :data:`IMPORTABLE_SUFFIXES`.  Known: a string constant, or a name bound once at the top level to one, or a
    function's parameter whose default and every argument given for it is one
    (:func:`_parameter_names_no_module`), or the last part of an f-string, ``+``, ``/`` or ``os.path.join(...)``
    that holds the file name's whole suffix (``f"{out}/counts.csv"``; ``f"{name}.p" + "y"`` holds none)."""
    if isinstance(node, ast.Name):
        function = _function_binding(reading, node)
        if function is not None:  # a local name: bound once in the function to one, a parameter, or unknown
            value = _bound_once_in(function, node.id)
            if value is not None:
                return depth < MAX_PATH_DEPTH and _names_no_module(reading, value, depth + 1)
            return _parameter_names_no_module(reading, function, node.id, depth)
        node = _module_value(reading, node.id)
    whole = True
    if isinstance(node, ast.JoinedStr) and node.values:
        node, whole = node.values[-1], len(node.values) == 1
    elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Div)):
        node, whole = node.right, isinstance(node.op, ast.Div)  # `PATH / "name"`: the name is the whole last part
    elif isinstance(node, ast.Call) and node.args and not node.keywords \
            and _resolved(reading, node.func) == "os.path.join":
        node, whole = node.args[-1], True
    elif isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords \
            and _resolved(reading, node.func) in PATH_CONSTRUCTORS:
        return depth < MAX_PATH_DEPTH and _names_no_module(reading, node.args[0], depth + 1)  # `Path(PATH)`
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or not node.value:
        return False
    tail = node.value.lower()
    if not whole and "/" not in tail and "." not in tail:
        return False  # what comes before may end the file name's suffix
    name = tail.rsplit("/", 1)[-1]
    return not name.endswith(IMPORTABLE_SUFFIXES)


def _functions_of_nodes(reading: _Reading) -> dict[int, ast.AST]:
    """Each node's innermost function or lambda, by id (none for the top level's), memoised per reading."""
    owners = reading.function_of
    if owners is None:
        owners = reading.function_of = {}
        for function in reading.nodes:  # outer functions come first in ast.walk's order: the innermost wins
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                for sub in ast.walk(function):
                    if sub is not function:
                        owners[id(sub)] = function
    return owners


def _function_binding(reading: _Reading, name: ast.Name) -> ast.AST | None:
    """The innermost function around ``name`` that binds it (a parameter, an assignment, a loop...: Python's
    scoping), or None when it is the module's name.  (A function's local name is never the top level's.)"""
    owners = _functions_of_nodes(reading)
    function = owners.get(id(name))
    while function is not None:
        parameters = _parameter_names(function)
        body = function.body if isinstance(function.body, list) else [function.body]
        own = [n for statement in body for n in _walk_scope(statement)]
        declared = {n for st in own if isinstance(st, (ast.Global, ast.Nonlocal)) for n in st.names}
        bound = {n.id for n in own if isinstance(n, ast.Name) and isinstance(n.ctx, (ast.Store, ast.Del))}
        bound |= {n.name for n in own if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                  and n is not function} | {n.name for n in own if isinstance(n, ast.ExceptHandler) and n.name}
        bound |= {(a.asname or a.name).split(".")[0] for n in own if isinstance(n, (ast.Import, ast.ImportFrom))
                  for a in n.names}
        if name.id in (parameters | bound) - declared:
            return function
        if name.id in declared:
            return function  # global or nonlocal in a function: not followed
        function = owners.get(id(function))
    return None


def _bound_once_in(function: ast.AST, name: str) -> ast.AST | None:
    """The value a name local to ``function`` (not one of its parameters) is bound to by its one binding there, a
    plain assignment (``path = Path(folder) / "answers.pkl"``); None when it has another binding or more than one."""
    arguments = getattr(function, "args", None)
    if arguments is None or name in {a.arg for a in arguments.posonlyargs + arguments.args + arguments.kwonlyargs} | {
            a.arg for a in (arguments.vararg, arguments.kwarg) if a is not None}:
        return None
    body = function.body if isinstance(function.body, list) else [function.body]
    stores = [n for statement in body for n in _walk_scope(statement)
              if (isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, (ast.Store, ast.Del)))
              or (isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and n.name == name)
              or (isinstance(n, (ast.Import, ast.ImportFrom))
                  and any((a.asname or a.name).split(".")[0] == name for a in n.names))]
    assignments = [n for statement in body for n in _walk_scope(statement) if isinstance(n, ast.Assign)
                   and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name) and n.targets[0].id == name]
    if len(stores) != 1 or len(assignments) != 1 or assignments[0].targets[0] is not stores[0]:
        return None
    return assignments[0].value


def _parameter_names_no_module(reading: _Reading, function: ast.AST, name: str, depth: int) -> bool:
    """Whether the parameter ``name`` of a module-level ``def`` (never rebound in it) never names a module: its
    default does, and so does the argument given for it at each call of the function, which is only ever called
    by its name (``def train(model, log_path="train_log.txt")``, called ``train(model)``: fairness round 30)."""
    if depth > MAX_PATH_DEPTH or not isinstance(function, ast.FunctionDef) or not reading.bindings.get(function.name) \
            or [b for b, _ in reading.bindings[function.name]] != [function]:
        return False
    arguments = function.args
    positional = [a.arg for a in arguments.posonlyargs + arguments.args]
    defaults = _parameter_defaults(function)
    own = [n for statement in function.body for n in _walk_scope(statement)]
    if name not in defaults or any(isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, (ast.Store, ast.Del))
                                   for n in own) or not _names_no_module(reading, defaults[name], depth + 1):
        return False
    calls = {id(n.func): n for n in reading.nodes if isinstance(n, ast.Call)}
    for use in reading.nodes:
        if not (isinstance(use, ast.Name) and use.id == function.name and isinstance(use.ctx, ast.Load)):
            continue
        call = calls.get(id(use))
        if call is None or any(isinstance(a, ast.Starred) for a in call.args) or any(
                k.arg is None for k in call.keywords):
            return False  # passed on as a value, or given arguments the reader cannot line up
        given = [k.value for k in call.keywords if k.arg == name]
        if name in positional and positional.index(name) < len(call.args):
            given.append(call.args[positional.index(name)])
        if not all(_names_no_module(reading, value, depth + 1) for value in given):
            return False
    return True


def _magic_name(call: ast.Call | None) -> str | None:
    first = call.args[0] if call is not None and call.args else None
    return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None


def _runs_code(call: ast.Call | None) -> bool:
    """A magic call that may run code: its name or line is computed, given by keyword, or a running magic."""
    if call is None:
        return True
    if call.keywords or not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in call.args):
        return True
    return bool(call.args) and call.args[0].value in RUN_MAGICS


def _walk_scope_body(node: ast.AST):
    """The nodes of a function's or class's own scope (its nested scopes left out)."""
    for statement in node.body:
        yield from _walk_scope(statement)


def _record_mutations(reading: _Reading, nodes: list[ast.AST]) -> None:
    """Statements and calls that change an object through a name: ``N.x = ...``, ``N[k] = ...``,
    ``N.append(...)``, ``setattr(N, ...)``, ``N[0].register_forward_hook(h)``.  They count as code of N when N is
    reachable; and so, when N holds another object as an element (:attr:`_Reading.contained_in`), of that one."""
    for node in nodes:
        roots = []
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
            if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
                # `b += F.conv2d` hands what it adds to the in-place operator of what `b` holds, which may keep it
                # (`b = BOX` in a function: attack round 110)
                roots.append(node.target.id)
            for target in targets:
                for sub in ast.walk(target):
                    if isinstance(sub, (ast.Attribute, ast.Subscript)):
                        roots.append(_base_name(sub))
                _record_containers(reading, target, getattr(node, "value", None))
        elif isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute) and node.func.attr in CHANGING_METHODS:
                roots.append(_base_name(node.func.value))
                if node.func.attr in MUTATING_METHODS:
                    for value in list(node.args) + [k.value for k in node.keywords]:
                        _record_containers(reading, node.func.value, value)
            elif isinstance(node.func, ast.Name) and node.func.id in ("setattr", "delattr") and node.args:
                roots.append(_base_name(node.args[0]))
        for root in roots:
            if root:
                reading.mutations.setdefault(root, []).append(node)
        if isinstance(node, ast.stmt):
            _record_calls_given(reading, node)


def _changed_receiver(node: ast.AST) -> list[ast.AST]:
    """The expressions whose objects a change recorded by :func:`_record_mutations` changes: ``box`` of
    ``box.append(f)``, ``box[0] = f``, ``setattr(box, ...)``."""
    if isinstance(node, ast.Call):
        if isinstance(node.func, ast.Attribute):
            return [node.func.value]
        return node.args[:1]
    targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [getattr(node, "target", None)]
    return [t.value for t in targets if isinstance(t, (ast.Attribute, ast.Subscript))]


def _record_changes_through_calls(reading: _Reading) -> None:
    """A change made through what a call hands back (``_box().append(f)``, ``registry()["conv"] = f``, with
    ``def _box(): return _B``) changes the objects that call may hand back (:func:`_handed_through`): it is
    recorded as a change of each of those module-level names too, once every unit is read and every function's
    returns are known (attack round 90: the change was recorded under ``_box`` alone, which nothing reached)."""
    recorded = [(node, root) for root, nodes in reading.mutations.items() for node in nodes]
    for node, root in recorded:
        for receiver in _changed_receiver(node):
            base = receiver
            while isinstance(base, (ast.Attribute, ast.Subscript)):
                base = base.value
            if not isinstance(base, ast.Call):
                continue  # (through a name: recorded under it already)
            for name in _handed_through(reading, receiver):  # (`_box()[0]`: an element of what it hands back)
                if name != root and name in reading.bindings and node not in reading.mutations.get(name, []):
                    reading.mutations.setdefault(name, []).append(node)


def _spelled_by(reading: _Reading, expression: ast.AST, at: ast.AST) -> list[str]:
    """The module-level names whose object ``expression``, standing at ``at``, may be when it is not that name
    itself: what a call or a walrus hands back (:func:`_handed_through`), or what a local of the function around
    it is bound to there (``h = _HOLDER``, ``for h in [_HOLDER]``, ``with ... as h``)."""
    if isinstance(expression, ast.NamedExpr):
        return _handed_through(reading, expression.value)
    if isinstance(expression, ast.Name):
        scope, owners = _scope_around(reading, at)
        owner = _owner_of(scope, expression.id, owners)
        if owner is None:
            return []  # (the module-level name itself, or a parameter: its callers' values are read with it)
        if not isinstance(owner, (ast.FunctionDef, ast.AsyncFunctionDef)):
            # a comprehension's variable is an element of its iterables; a lambda's, its callers' argument
            values, loops = _local_sources(owner, expression.id), None
        else:
            values = [v for v in _local_bindings(owner, expression.id) if isinstance(v, ast.expr)]
            loops = {id(st.iter) for st in _walk_scope_body(owner) if isinstance(st, (ast.For, ast.AsyncFor))}
        names = {name for v in values for name in _handed_through(
            reading, ast.Call(func=ast.Name(id="next", ctx=ast.Load()), args=[v], keywords=[])
            if loops is None or id(v) in loops else _part_of(v))}
        parents = _parents(reading)
        # a `match` capture holds the subject or an element of it (`match [_H]: case [h]:`), and a parameter's
        # default is what it holds when no caller gives it (`def _fill(h=_H)`, `lambda h=_H: ...`): attack round 95
        names |= {name for v in values if isinstance(parents.get(id(v)), ast.Match) for name in _handed_through(
            reading, ast.Call(func=ast.Name(id="next", ctx=ast.Load()), args=[v], keywords=[]))}
        if isinstance(owner, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) \
                and expression.id in (defaults := _parameter_defaults(owner)):
            names |= set(_handed_through(reading, defaults[expression.id]))
        return sorted(names)
    return _handed_through(reading, expression)


def _record_calls_through_other_spellings(reading: _Reading, nodes: list[ast.AST]) -> None:
    """A method call on another spelling of a module-level object (``h = _HOLDER; h.keep(f)`` in a function,
    ``(h := _HOLDER).keep(f)``, ``_get().keep(f)``) is a call handed that object (:func:`_calls_given`): the method
    may keep what it is given there (attack round 84: recorded under the local ``h`` alone, which nothing reached).
    Only objects a call can change count (not a class or a function of the submission's: `CNN().parameters()`
    hands ``CNN`` nothing), and a method of a new instance (`Shape2D(3, 3).conv_out(k)`) changes that instance."""
    classes = {c.name for c in reading.classes}
    for call in nodes:
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name):
            # a keeping method called by another name (`keep = _HOLDER.keep; keep(f)`, at module level or locally)
            scope, owners = _scope_around(reading, call)
            owner = _owner_of(scope, call.func.id, owners)
            if owner is not None and not isinstance(owner, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            values = _local_bindings(owner, call.func.id) if owner is not None else [
                getattr(b, "value", None) for b, _ in reading.bindings.get(call.func.id, [])]
            for value in values:
                if isinstance(value, ast.Attribute) and _own_method_keeps(reading, value.attr):
                    base = _plain_base(value.value)
                    plain = isinstance(base, ast.Name) and _owner_of(scope, base.id, owners) is None
                    for name in [base.id] if plain else _spelled_by(
                            reading, value.value if not isinstance(base, ast.Name) else base, call):
                        if name in reading.bindings and call not in reading.passed.get(name, []):
                            reading.passed.setdefault(name, []).append(call)
            continue
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)):
            continue
        receiver = call.func.value
        base = _plain_base(receiver)
        if isinstance(base, ast.Call) and isinstance(base.func, ast.Name) and base.func.id in classes:
            continue
        names = _spelled_by(reading, receiver if not isinstance(base, ast.Name) else base, call)
        for name in names:
            bindings = reading.bindings.get(name, [])
            if not bindings or all(isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import,
                                                  ast.ImportFrom)) for b, _ in bindings):
                continue
            if any(isinstance(b, ast.Assign) and isinstance(b.value, ast.Call) and isinstance(b.value.func, ast.Name)
                   and b.value.func.id in classes for b, _ in bindings) and call not in reading.passed.get(name, []):
                # (an instance of the submission's class: a method of it may keep what it is given)
                reading.passed.setdefault(name, []).append(call)
            elif isinstance(call.func, ast.Attribute) and call.func.attr in CHANGING_METHODS \
                    and call not in reading.passed.get(name, []):
                reading.passed.setdefault(name, []).append(call)


def _plain_base(node: ast.AST) -> ast.AST:
    """``node`` without its attributes and subscripts: ``h`` of ``h.fns[0]``."""
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node


#: Calls that make a new, empty or literal container (a name bound to one is that container, not an alias).
FRESH_CONSTRUCTORS = frozenset({"dict", "list", "set", "tuple", "frozenset", "defaultdict", "OrderedDict", "deque",
                                "Counter"})


def _fresh(value: ast.AST | None) -> bool:
    """Whether ``value`` makes a new object of its own: a literal, a display, a comprehension, a new container."""
    if isinstance(value, (ast.Constant, ast.Dict, ast.List, ast.Set, ast.Tuple, ast.ListComp, ast.DictComp,
                          ast.SetComp, ast.GeneratorExp, ast.JoinedStr)):
        return True
    if isinstance(value, ast.Call):
        func = value.func
        return (isinstance(func, ast.Name) and func.id in FRESH_CONSTRUCTORS) or (
            isinstance(func, ast.Attribute) and func.attr in FRESH_CONSTRUCTORS)
    return False


def _the_name_bound(statement: ast.AST) -> str | None:
    """The one name ``statement`` binds to a value (``ref = ...``, ``ref: T = ...``); None for any other statement."""
    targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target] \
        if isinstance(statement, ast.AnnAssign) and statement.value is not None else []
    return targets[0].id if len(targets) == 1 and isinstance(targets[0], ast.Name) else None


def _binds_bare_name(statement: ast.AST, name: str) -> bool:
    """Whether ``statement`` binds ``name`` itself (``name = ...``, ``for name in``, ``def name``, ``import ... as
    name``), not only changes what it holds (``name.table[k] = v``, which the reader files among its bindings)."""
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return statement.name == name or any(
            isinstance(n, ast.NamedExpr) and n.target.id == name for n in ast.walk(statement))
    if isinstance(statement, (ast.Import, ast.ImportFrom)):
        return name in _names_bound_by(statement)
    return any(isinstance(n, ast.Name) and n.id == name and not isinstance(n.ctx, ast.Load)
               for n in ast.walk(statement))


def _read_untied_changes(reading: _Reading, nodes: list[ast.AST]) -> None:
    """Changes the reader cannot tie to the one object they change are read as code of every object, so what they
    put in (:attr:`_Reading.universal`) is reached from every by-hand function.  They change an object through an
    element or a call's result (``holder[0]["c"] = f``, ``Outer.Inner.table[k] = f``, ``make()["c"] = f``), or
    through a name that may be another's alias: bound by unpacking, a loop, ``:=``, ``with``, or to anything but a
    new object (``table = holder[0]``, ``table, _ = holder``, ``t = box_of(ops)``); and a module's forward hook or an
    attribute set through a function's or a lambda's parameter, a ``match`` capture or an ``except`` clause (attack
    rounds 27b and 29b hooked a module through ``def _install(module)``, a default argument, ``case _Window() as
    module`` and a lambda; an ``append`` through a parameter stays tied, a ``reduce`` building a model appends
    so: fairness round 24).  Attack round 13 reached a table a by-hand function reads through twelve such links;
    what the change stores is read, not the functions it calls (a self-check's ``rows[0]["torch"] = F.conv2d(x, k)``
    keeps a result)."""
    may_alias: set[str] = set()
    captured: set[str] = set()  # parameters, match captures, exception names: any object the code is handed
    for n in nodes:
        if isinstance(n, (ast.Assign, ast.AnnAssign)) and getattr(n, "value", None) is not None:
            for target in (n.targets if isinstance(n, ast.Assign) else [n.target]):
                if isinstance(target, ast.Name):
                    if not _fresh(n.value):
                        may_alias.add(target.id)
                else:
                    may_alias.update(t.id for t in ast.walk(target) if isinstance(t, ast.Name)
                                     and isinstance(t.ctx, ast.Store))
        elif isinstance(n, (ast.For, ast.AsyncFor, ast.comprehension)):
            may_alias.update(t.id for t in ast.walk(n.target) if isinstance(t, ast.Name))

        elif isinstance(n, ast.NamedExpr) and not _fresh(n.value):
            may_alias.add(n.target.id)
        elif isinstance(n, ast.withitem) and n.optional_vars is not None:
            may_alias.update(t.id for t in ast.walk(n.optional_vars) if isinstance(t, ast.Name))
        else:
            # (a method's own instance is read by _record_own_attributes)
            captured.update(name for name in _handed_names(n) if name not in ("self", "cls"))

    # Attributes something rebinds (`C.table = other`, `self.table = ...`, setattr): None when a name is computed
    rebound: set[str] | None = {n.attr for n in nodes if isinstance(n, ast.Attribute) and not isinstance(n.ctx, ast.Load)}
    for n in nodes:
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in ("setattr", "delattr") \
                and rebound is not None:
            if len(n.args) > 1 and isinstance(n.args[1], ast.Constant) and isinstance(n.args[1].value, str):
                rebound.add(n.args[1].value)
            else:
                rebound = None

    def class_table(receiver: ast.AST) -> bool:
        """``Zoo.models``: a table the submission's own class binds in its body to a new object, that nothing
        rebinds, on a class name that is no alias and is handed to no call: the one object, a change of which is a
        change of that class (fairness round 38: `Zoo.models["cnn"] = CNN` made every by-hand function reach CNN's
        nn.Conv2d).  A longer chain (`Outer.Inner.table`, attack round 13) stays untied."""
        if not (isinstance(receiver, ast.Attribute) and isinstance(receiver.value, ast.Name)) or rebound is None \
                or receiver.attr in rebound:
            return False
        owner = receiver.value.id
        classes = [c for c in reading.classes if c.name == owner]
        # (a change `Zoo.models[k] = v` is filed among the name's bindings: only the class statement binds it)
        def mentions(node: ast.AST) -> bool:
            return any(isinstance(n, ast.Name) and n.id == owner for n in ast.walk(node))

        def shown_only(statement: ast.AST) -> bool:  # `print(sorted(Zoo.models))`: a built-in that only shows it
            return isinstance(statement, ast.stmt) and all(
                not mentions(call) or (isinstance(call.func, ast.Name) and call.func.id in NAMESPACE_SHOWING_CALLS
                                       and call.func.id not in reading.bindings)
                for part in ast.iter_child_nodes(statement) if isinstance(part, ast.expr)
                for call in _walk_scope(part) if isinstance(call, ast.Call))

        handed = [call for call in reading.passed.get(owner, []) if not (  # (its own table's change is no hand-over)
            isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
            and call.func.attr in CHANGING_METHODS | DICT_READERS  # (nor its read: `Zoo.built.get(k, 0)`)
            and isinstance(call.func.value, ast.Attribute) and isinstance(call.func.value.value, ast.Name)
            and call.func.value.value.id == owner and not any(
                mentions(a) for a in [*call.args, *(k.value for k in call.keywords)])) and not shown_only(call)]
        if len(classes) != 1 or owner in may_alias or owner in captured or handed \
                or owner in reading.imported or _function_binding(reading, receiver.value) is not None or not all(
                    statement is classes[0] or not _binds_bare_name(statement, owner)
                    for statement, _ in reading.bindings.get(owner, [])):
            return False
        bound = [st for st in classes[0].body if receiver.attr in _names_bound_by(st)]
        return len(bound) == 1 and isinstance(bound[0], (ast.Assign, ast.AnnAssign)) and _fresh(bound[0].value) \
            and all(isinstance(t, ast.Name) for t in (bound[0].targets if isinstance(bound[0], ast.Assign)
                                                       else [bound[0].target]))

    def untied(receiver: ast.AST, hooked: bool = False) -> bool:
        if class_table(receiver):
            return False
        if isinstance(receiver, (ast.Subscript, ast.Call)) and not hooked:
            root = _table_root(receiver)
            if root is not None and root not in may_alias and root not in captured \
                    and _a_table_of_its_own(reading, root):
                return False  # (an element of a table made of new containers only: its change is the table's)
        return not isinstance(receiver, ast.Name) or receiver.id in may_alias or (hooked and receiver.id in captured)

    stored: list[ast.AST] = []
    for n in nodes:
        before = len(stored)
        if isinstance(n, (ast.Assign, ast.AnnAssign, ast.AugAssign)) and getattr(n, "value", None) is not None:
            targets = n.targets if isinstance(n, ast.Assign) else [n.target]
            if any(untied(t.value, hooked=isinstance(t, ast.Attribute))  # `module.forward = f`
                   for target in targets for t in _changed_through(target)) \
                    and not _stores_plain_data(reading, n.value):  # (`table["checked"] = same`, a bool)
                stored.append(n.value)
        elif isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in CHANGING_METHODS \
                and untied(n.func.value, hooked=n.func.attr in MODEL_HOOKS):
            stored += list(n.args) + [k.value for k in n.keywords]
        elif isinstance(n, ast.Call) and ((isinstance(n.func, ast.Name) and n.func.id in STORING_FUNCTIONS) or (
                isinstance(n.func, ast.Attribute) and n.func.attr in STORING_FUNCTIONS)) and n.args \
                and untied(n.args[0], hooked=True):
            stored += n.args[1:] + [k.value for k in n.keywords]
        # a parameter stored as it is through a local alias of another object (`kept = _KEPT; kept.append(fn)`):
        # what the function's calls hand it is what is stored (attack round 84's first left open; a change through
        # `self` or a parameter is not such an alias: fairness round 53's `self.items.append(item)`)
        parameters = {v.id for v in stored[before:] if isinstance(v, ast.Name)}
        if parameters and _through_a_local_alias(reading, n):
            stored += [value for function in _functions_around(reading, n) if parameters & _parameter_names(function)
                       for value in _what_calls_hand(reading, function, depth=0)]
    # Only code: functions and classes the changes store (an instance, a model, a result stored in a table is data
    # whose class the reader reaches where the object is used)
    names = {name.id for value in stored for name in _values_in(value)}
    reading.universal = sorted(name for name in names if reading.bindings.get(name) and all(
        isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) or (
            isinstance(b, ast.Assign) and isinstance(b.value, ast.Lambda)) for b, _ in reading.bindings[name]))
    code, reading.untied_builtins = _code_stored(reading, stored)
    reading.universal = sorted(set(reading.universal) | code)


#: A table's methods that hand back one of its elements (``REFS.setdefault("conv", {})["torch"] = f``).
ELEMENT_TAKING_TABLE_METHODS = frozenset({"setdefault", "get"})
#: A table's methods that put what they are given in it, or read it.
TABLE_METHODS = frozenset({"append", "extend", "insert", "update", "setdefault", "get", "items", "keys", "values"})


def _table_root(receiver: ast.AST) -> str | None:
    """The name ``N`` of a receiver that is an element of it by items alone: ``N[k]``, ``N[k][j]``,
    ``N.setdefault(k, {})``, ``N.get(k)[j]``; else None."""
    while True:
        if isinstance(receiver, ast.Subscript):
            receiver = receiver.value
        elif isinstance(receiver, ast.Call) and isinstance(receiver.func, ast.Attribute) \
                and receiver.func.attr in ELEMENT_TAKING_TABLE_METHODS:
            receiver = receiver.func.value
        else:
            break
    return receiver.id if isinstance(receiver, ast.Name) else None


def _a_table_of_its_own(reading: _Reading, name: str) -> bool:
    """``name`` is a module-level table whose elements are containers it made itself, so that a change through an
    element (``REFS["conv"]["torch"] = f``, ``REFS[0].append(f)``, ``REFS.setdefault("conv", {})["torch"] = f``)
    changes no other object: every binding of it makes a new container of new containers and constants; it is
    used only through its items (by subscripts and :data:`TABLE_METHODS`) or shown; and all that is put in it at any
    depth is a new container, a constant, or a function or class of the submission's (fairness round 63: a
    registry of torch's reference filled item by item was read as code of every by-hand function).  Memoised."""
    memo = reading.memo.setdefault("tables_of_their_own", {})
    if name in memo:
        return memo[name]
    memo[name] = False
    bindings = reading.bindings.get(name, [])
    if not bindings or name in reading.global_in_functions or name in reading.imported:
        return False

    def code_or_made(value: ast.AST) -> bool:
        return _constant_data(value) or isinstance(value, ast.Name) and bool(reading.bindings.get(value.id)) and all(
            isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) for b, _ in reading.bindings[value.id])

    for binding, plain in bindings:
        if isinstance(binding, ast.Assign) and all(isinstance(t, ast.Subscript) for t in binding.targets):
            continue  # (a change filed among its bindings, `N["k"]["j"] = f`: read with its uses below)
        if not (plain and isinstance(binding, ast.Assign) and all(isinstance(t, ast.Name) for t in binding.targets)
                and _constant_data(binding.value)):
            return False
    parents = _parents(reading)

    def element_use(use: ast.Name, aliases: list[str] | None) -> bool:
        """What the code does with ``use`` (the table, or with ``aliases`` None an alias of one of its elements)
        reads or fills it only; a plain name bound to an element (``impls = N["conv"]``) is put in ``aliases``."""
        # climb the items taken (`N[k][j]`, `N.setdefault(k, {})`) to what is done with the element
        node, parent = use, parents.get(id(use))
        while True:
            if isinstance(parent, ast.Subscript) and parent.value is node:
                if not _constant_data(parent.slice) and not isinstance(parent.slice, ast.Name):
                    return False
                node, parent = parent, parents.get(id(parent))
            elif isinstance(parent, ast.Attribute) and parent.value is node and parent.attr in TABLE_METHODS \
                    and isinstance(call := parents.get(id(parent)), ast.Call) and call.func is parent:
                given = [*call.args, *(k.value for k in call.keywords)]
                if parent.attr in ("append", "extend", "insert", "update", "setdefault") and not all(
                        code_or_made(v) or isinstance(v, ast.Constant) for v in (
                            given[1:] if parent.attr in ("insert", "setdefault") else given)):
                    return False
                if parent.attr not in ELEMENT_TAKING_TABLE_METHODS:
                    return True
                node, parent = call, parents.get(id(call))
            else:
                break
        if parent is None:
            return True
        if isinstance(parent, (ast.Assign, ast.AnnAssign)) and node is not getattr(parent, "value", None):
            return code_or_made(parent.value)  # stored into it
        if isinstance(parent, ast.Call) and _shown_by_a_builtin(reading, parent) and node in parent.args:
            return True
        if node is use:
            return False  # (the table itself handed on, bound to another name, iterated...)
        # an element read: called, compared, iterated (what it holds is a function, a constant or its own container)
        if isinstance(parent, ast.Call) and parent.func is node or isinstance(parent, (ast.Compare, ast.BoolOp)):
            return True
        if isinstance(parent, ast.Call) and _shown_by_a_builtin(reading, parent):
            return True
        # an element bound to a plain name of its own (`impls = N["conv"]`, then `impls["hand"](x, k)`: fairness
        # round 63), read as the table is where each binding of that name is an element of this table's
        if aliases is not None and isinstance(parent, ast.Assign) and node is parent.value \
                and len(parent.targets) == 1 and isinstance(parent.targets[0], ast.Name):
            aliases.append(parent.targets[0].id)
            return True
        return False

    aliases: list[str] = []
    for use in reading.nodes:
        if isinstance(use, ast.Name) and use.id == name and isinstance(use.ctx, ast.Load) \
                and not element_use(use, aliases):
            return False
    for alias in set(aliases):
        if alias == name or alias in reading.global_in_functions or alias in reading.imported or not all(
                isinstance(b, ast.Assign) and len(b.targets) == 1 and isinstance(b.targets[0], ast.Name)
                and _table_root(b.value) == name for b, _ in reading.bindings.get(alias, [])):
            return False
        if not all(element_use(use, None) for use in reading.nodes if isinstance(use, ast.Name)
                   and use.id == alias and isinstance(use.ctx, ast.Load)):
            return False
    memo[name] = True
    return True


def _changed_through(target: ast.AST):
    """The items and attributes an assignment's target changes an object through: the target's own, then those of its
    receiver (``rows[0]["c"]`` changes ``rows[0]``, an element of ``rows``), in each element of an unpacking; not
    what a key or an index reads (``results[fn.__name__] = ...`` changes ``results``, not ``fn``: fairness round 64,
    q6 -3 for a comparison table filled in a loop over ``[conv2d, reference]``)."""
    todo = [target]
    while todo:
        current = todo.pop()
        if isinstance(current, (ast.Tuple, ast.List)):
            todo += current.elts
        elif isinstance(current, ast.Starred):
            todo.append(current.value)
        elif isinstance(current, (ast.Subscript, ast.Attribute)):
            yield current
            todo.append(current.value)


#: How many values the search for the code an untied change stores may follow.
MAX_STORED_VALUES = 10_000


def _code_stored(reading: _Reading, stored: list[ast.AST]) -> tuple[set[str], list[Finding]]:
    """What the values an untied change stores are made of, followed through the names in them (attack round 14:
    an alias of a def, ``functools.partial(F.conv2d)`` bound to a name, ``Ops().conv``, a call of a def returning
    ``F.conv2d``): the names of the submission's functions and classes stored as code, and torch's convolution or
    pooling stored as a value (never called there: a self-check's ``rows[0]["torch"] = F.conv2d(x, k)`` keeps a
    result).  A name bound to a value is followed to that value; a call of a def of the submission's, to what it
    returns; ``Cls().method``, to the class."""
    names: set[str] = set()
    findings: list[Finding] = []
    seen: set[tuple[str, bool]] = set()
    seen_locals: set[tuple[int, str]] = set()
    todo = list(stored)
    followed = 0
    while todo and followed < MAX_STORED_VALUES:
        followed += 1
        value = todo.pop()
        nodes = list(ast.walk(value))
        called = {id(n.func) for n in nodes if isinstance(n, ast.Call)}
        # `Cls().method` stored uncalled is code of the class; `Cls().method(...)` called, what a method of that name
        # returns in any class of the submission's (the class's own, or one it derives from) (fairness round 16:
        # `model = CNN().to(device)`, then `losses.append(model(x))`, read CNN's layers from conv2d); a method no
        # class of the submission's defines (torch's `to`, `eval`) returns the instance, no code.
        bound_methods = {id(n.value.func) for n in nodes
                         if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Call) and id(n) not in called}
        for n in nodes:
            if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Call) and id(n) in called \
                    and isinstance(n.value.func, ast.Name) and any(
                        isinstance(b, ast.ClassDef) for b, _ in reading.bindings.get(n.value.func.id, [])):
                todo += [r.value for cls in reading.classes for st in cls.body
                         if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)) and st.name == n.attr
                         for r in _walk_scope_body(st) if isinstance(r, ast.Return) and r.value is not None]
        for n in nodes:
            if isinstance(n, (ast.Import, ast.ImportFrom)):  # a function's own import of a local it stores
                findings += [Finding("builtin", f"{alias.asname or alias.name} (stored by a change the reader cannot "
                                                "tie to one object)")
                             for alias in n.names if BUILT_IN.search(alias.name.split(".")[-1])]
            if isinstance(n, ast.Attribute) and id(n) not in called and BUILT_IN.search(n.attr):
                root, chain = _root(n)
                if root is not None and root in reading.imported:
                    findings.append(Finding("builtin", f"{chain} (stored by a change the reader cannot tie to one "
                                                       "object)"))
            elif isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in NAME_REACHING_BUILTINS \
                    and len(n.args) > 1 and isinstance(n.args[1], ast.Constant) and isinstance(n.args[1].value, str) \
                    and BUILT_IN.search(n.args[1].value):  # getattr(F, "conv2d"): the attribute by its name
                findings.append(Finding("builtin", f"getattr(..., {n.args[1].value!r}) (stored by a change the reader "
                                                   "cannot tie to one object)"))
            if not isinstance(n, ast.Name):
                continue
            scope = _local_scope_of(reading, n)
            if scope is not None:
                # A local of the function (or comprehension) the change is in, not the module-level name spelled
                # alike (fairness round 26: a by-hand `out[i, j] = ...` followed `i` to a plot cell's
                # `for i, ax in enumerate(axes)` over a model's feature maps, and read the model's Conv2d from
                # conv2d): what the function binds to it.
                if (id(scope), n.id) not in seen_locals:
                    seen_locals.add((id(scope), n.id))
                    todo += _local_bindings(scope, n.id)
                continue
            # (a name called in one value and stored itself in another is followed both ways)
            if (n.id, id(n) in called) in seen:
                continue
            seen.add((n.id, id(n) in called))
            for binding, _ in reading.bindings.get(n.id, []):
                if isinstance(binding, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    if id(n) in called:  # its result is stored: what it returns, which may be a default argument
                        todo += [r.value for r in _walk_scope_body(binding)
                                 if isinstance(r, ast.Return) and r.value is not None]
                        todo += [d for d in [*binding.args.defaults, *binding.args.kw_defaults] if d is not None]
                    else:
                        names.add(n.id)
                elif isinstance(binding, ast.ClassDef):
                    if id(n) not in called or id(n) in bound_methods:
                        names.add(n.id)
                elif isinstance(binding, (ast.Import, ast.ImportFrom)):
                    for alias in binding.names:
                        if (alias.asname or alias.name) == n.id and BUILT_IN.search(alias.name.split(".")[-1]):
                            findings.append(Finding("builtin", f"{n.id} (stored by a change the reader cannot tie "
                                                               "to one object)"))
                elif isinstance(binding, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.NamedExpr)) \
                        and getattr(binding, "value", None) is not None:
                    if isinstance(binding.value, ast.Lambda):
                        names.add(n.id)
                    todo.append(binding.value)
                elif (column := _loop_column(binding, n.id)) is not None:
                    # a loop's variable over a display of rows holds what its column holds; called in the value
                    # stored (`store.append(fn(x, k))` over rows naming conv2d and a torch helper), what each of them
                    # returns (fairness round 66: the whole loop was read, its torch helper as code stored)
                    todo += [ast.Call(func=element, args=[], keywords=[]) for element in column] if id(n) in called \
                        else column
                else:  # bound by a loop, a `with`, an `except`, a `match`...: all it holds (attack round 16)
                    todo.append(binding)
    return names, findings


def _loop_column(loop: ast.AST, name: str) -> list[ast.expr] | None:
    """What a ``for`` statement binds ``name`` to, when it iterates over a display of rows it unpacks into plain names
    (``for fn, store in [(conv2d, A), (torch_conv, B)]``) or over a display of values (``for fn in [f, g]``): the
    column of ``name``; None for any other loop or binding."""
    if not isinstance(loop, (ast.For, ast.AsyncFor)) or not isinstance(loop.iter, (ast.List, ast.Tuple)):
        return None
    if isinstance(loop.target, ast.Name):
        rows = loop.iter.elts
        return rows if loop.target.id == name and not any(isinstance(r, ast.Starred) for r in rows) else None
    names = loop.target.elts if isinstance(loop.target, (ast.Tuple, ast.List)) else []
    if not names or not all(isinstance(t, ast.Name) for t in names) or [t.id for t in names].count(name) != 1:
        return None
    index = [t.id for t in names].index(name)
    if not all(isinstance(r, (ast.Tuple, ast.List)) and len(r.elts) == len(names)
               and not any(isinstance(e, ast.Starred) for e in r.elts) for r in loop.iter.elts):
        return None
    return [r.elts[index] for r in loop.iter.elts]


def _local_scope_of(reading: _Reading, name: ast.Name) -> ast.AST | None:
    """The function, lambda or comprehension ``name`` is a local of where it stands, by Python's scoping rules
    (:func:`_scope_locals`); None for a module-level name (a class body is no scope its methods see)."""
    parents = _parents(reading)
    node: ast.AST = name
    depth = 0
    while (node := parents.get(id(node))) is not None and depth < MAX_NESTED_SCOPES * 64:
        depth += 1
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ListComp, ast.SetComp,
                             ast.GeneratorExp, ast.DictComp)):
            inner, declared = _scope_locals(reading, node)
            if name.id in declared:
                return None
            if name.id in inner:
                return node
    return None


def _scope_locals(reading: _Reading, scope: ast.AST) -> tuple[frozenset, frozenset]:
    """The names a function, lambda or comprehension binds as its own, and those it declares ``global`` or
    ``nonlocal`` (as :func:`_code` reads them)."""
    key = ("locals", id(scope))
    if key not in reading.memo:
        if isinstance(scope, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            found = ({n.id for g in scope.generators for n in ast.walk(g.target) if isinstance(n, ast.Name)}, set())
        else:
            found = _function_locals(scope)
        reading.memo[key] = (frozenset(found[0]), frozenset(found[1]))
    return reading.memo[key]


def _function_locals(function: ast.AST) -> tuple[set[str], set[str]]:
    """A function's or lambda's own names (its parameters and what its body binds, but not what it declares
    ``global`` or ``nonlocal``), and those it declares so.  Kept on the node: a function of thousands of loops was
    walked again at each of its names' uses (a stress file of 3,000 loops in one function read for over 300 s)."""
    known = function.__dict__.get(FUNCTION_LOCALS)
    if known is None:
        known = function.__dict__[FUNCTION_LOCALS] = _function_locals_now(function)
    return set(known[0]), set(known[1])


#: The attribute of a function's node that keeps :func:`_function_locals`' answer.
FUNCTION_LOCALS = "_cnn_grader_function_locals"


def _function_locals_now(function: ast.AST) -> tuple[set[str], set[str]]:
    args = function.args
    inner = {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg]
             if a is not None}
    if isinstance(function, ast.Lambda):
        return inner, set()
    declared = {n for st in _walk_scope_body(function) if isinstance(st, (ast.Global, ast.Nonlocal)) for n in st.names}
    for st in _walk_scope_body(function):
        if isinstance(st, ast.stmt):
            inner.update(set(_names_bound_by(st)) - declared - _only_changed_by(st))
        elif isinstance(st, ast.excepthandler) and st.name:
            inner.add(st.name)
        elif isinstance(st, ast.NamedExpr):
            inner.add(st.target.id)
        elif isinstance(st, ast.pattern):
            inner.update(_handed_names(st))  # `case int(k):` binds k in the function (fairness round 33)
    return inner - declared, declared


def _only_changed_by(statement: ast.stmt) -> set[str]:
    """The names a statement's targets only read, to change what they hold (``table[k] = v``, ``box.f = v``,
    ``rows[i] += 1``): in a function, no local of it (attack round 86: `_T[0] = 1` in conv2d made `_T` a local, so
    the module's `_T = [0, F.conv2d]` it then called went unread)."""
    if isinstance(statement, ast.Assign):
        targets = statement.targets
    elif isinstance(statement, (ast.AnnAssign, ast.AugAssign, ast.For, ast.AsyncFor)):
        targets = [statement.target]
    elif isinstance(statement, (ast.With, ast.AsyncWith)):
        targets = [item.optional_vars for item in statement.items if item.optional_vars is not None]
    else:
        return set()
    names = [n for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)]
    walrus = {n.target.id for n in _walk_scope(statement) if isinstance(n, ast.NamedExpr)}  # (`box[0] = (box := [])`)
    return {n.id for n in names if isinstance(n.ctx, ast.Load)} - {n.id for n in names if not isinstance(n.ctx, ast.Load)} \
        - walrus


def _local_bindings(scope: ast.AST, name: str) -> list[ast.AST]:
    """What a function binds to its local ``name``: the value of each assignment to it in its own scope, the
    iterable of a loop over it, the context of a ``with`` binding it, a nested ``def``/``class`` or an ``import``
    of that name itself; a parameter or a comprehension's target, nothing (its values come from a caller, or from
    the iterable read with the comprehension).  Not a loop's body (fairness round 26: `for name, m in
    net.named_modules(): if isinstance(m, nn.Conv2d): ...` holds no Conv2d in `name`)."""
    if isinstance(scope, (ast.Lambda, ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
        return []
    # Every local's bindings from one walk of the scope, kept on its node: the search for stored code asks for
    # many names of one function, and a walk per name was a third of the judge's reading of a notebook.
    index = scope.__dict__.get(LOCAL_BINDINGS_INDEX)
    if index is None:
        index = {}
        for st in _walk_scope_body(scope):
            if isinstance(st, ast.NamedExpr):
                index.setdefault(st.target.id, []).append(st.value)
            if not isinstance(st, ast.stmt):
                continue
            for bound in dict.fromkeys(_names_bound_by(st)):
                found = index.setdefault(bound, [])
                if isinstance(st, (ast.Assign, ast.AnnAssign, ast.AugAssign)) \
                        and getattr(st, "value", None) is not None:
                    found.append(st.value)
                elif isinstance(st, (ast.For, ast.AsyncFor)):
                    found.append(st.iter)
                elif isinstance(st, (ast.With, ast.AsyncWith)):
                    found += [item.context_expr for item in st.items]
                elif isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import,
                                     ast.ImportFrom)):
                    found.append(st)
                elif isinstance(st, ast.Match):
                    found.append(st.subject)  # (a capture holds the subject or part of it: attack round 95)
            if isinstance(st, (ast.Try, getattr(ast, "TryStar", ast.Try))):
                # an `except ... as e` name holds what the body raises (attack round 95: `raise _H` then `e.keep(f)`)
                raised = [n.exc for part in st.body for n in ast.walk(part) if isinstance(n, ast.Raise) and n.exc]
                for handler in st.handlers:
                    if handler.name:
                        index.setdefault(handler.name, []).extend(raised)
        scope.__dict__[LOCAL_BINDINGS_INDEX] = index
    return list(index.get(name, ()))


#: Where :func:`_local_bindings` keeps a scope's index of its locals' bindings, on the scope's node.
LOCAL_BINDINGS_INDEX = "_cnn_grader_local_bindings"


def _record_containers(reading: _Reading, target: ast.AST, value: ast.AST | None) -> None:
    """``holder = [table]``, ``holder[0] = table``, ``holder.append(table)``: ``table``'s object is now an element of
    ``holder``'s (a bare name inside literals of lists, tuples, sets and dicts; not a call's result)."""
    container = target.id if isinstance(target, ast.Name) else _base_name(target)
    if value is None or container is None:
        return
    todo = [value]
    while todo:
        current = todo.pop()
        if isinstance(current, ast.Name) and current.id != container:
            reading.contained_in.setdefault(current.id, set()).add(container)
        elif isinstance(current, (ast.List, ast.Tuple, ast.Set)):
            todo.extend(current.elts)
        elif isinstance(current, ast.Dict):
            todo.extend(v for v in current.values if v is not None)
            todo.extend(k for k in current.keys if k is not None)
        elif isinstance(current, ast.Starred):
            todo.append(current.value)


#: The most names the reader follows as holding one object through containers: each name reached is read with all
#: of them, so that a chain of n aliases cost n^2 (attack round 74: 4,000 `x1 = x0` took the judge 109 s, and the
#: student's row was a timeout).  Past it, the object is unverifiable (:func:`_reachable_builtins`).
MAX_CONTAINERS = 256


def _containers_of(reading: _Reading, name: str) -> list[str]:
    """Every name whose object holds ``name``'s as an element, through any depth of containers (at most
    :data:`MAX_CONTAINERS` + 1: more says there are too many)."""
    found, seen, todo = [], {name}, [name]
    while todo and len(found) <= MAX_CONTAINERS:
        for container in reading.contained_in.get(todo.pop(), ()):
            if container not in seen:  # (a set: a chain of n aliases took n^3 steps, attack round 74)
                seen.add(container)
                found.append(container)
                todo.append(container)
    return found


def _record_calls_given(reading: _Reading, statement: ast.stmt) -> None:
    """A statement that hands an object to a call (as an argument, anywhere in the arguments, or as the object
    of a method call) is code of that object: the function called may store anything the statement holds in
    it (``put(box, "f", g)``, ``list(map(put, [box], ["f"], [g]))``, ``partial(put, box)("f", g)``)."""
    given: set[str] = set()
    shown: dict[str, set[str]] = {}
    for part in _statement_expressions(statement):
        # (a lambda's calls too: they run when it is called, `msg=lambda m: _put(_B, F.conv2d)`, attack round 95)
        for call in ast.walk(part):
            if not isinstance(call, ast.Call):
                continue
            pieces = list(call.args) + [k.value for k in call.keywords]
            names = {n.id for piece in pieces for n in _values_in(piece)}
            made = {n.id for piece in pieces for n in _values_in(piece, None)} - names  # (`_Holder().box`)
            for name in made:
                reading.passed_to_instances.setdefault(name, []).append(statement)
            # a comprehension's variable hands on what its iterable holds (`[_put(b, f) for b in [_B]]`: attack
            # round 88)
            names |= {n.id for g in _comprehensions_around(part, call) for n in _values_in(g.iter)
                      if _comprehension_targets_of(g) & names}
            if (reader := _a_showing_builtin(call)) is not None:
                # print and len change nothing they are given (fairness round 60: `print(SHAPES, pooled.shape)`
                # beside a self-check made the self-check's torch calls code of what max_pool2d appends to)
                for name in names:
                    shown.setdefault(name, set()).add(reader)
                continue
            given.update(names)
            owner = _base_name(call.func.value) if isinstance(call.func, ast.Attribute) else None
            if owner is not None:
                # A method call changes its object (or an element of it: `steps[0].register_forward_hook(h)`) only
                # with what the call itself is given (the method's own code is read with the class): the call, not
                # the whole statement (a self-check beside it).
                reading.passed.setdefault(owner, []).append(call)
    if isinstance(statement, ast.AugAssign) and isinstance(statement.target, ast.Name):
        # `b += f` is `b.__iadd__(f)`: the object `b` holds is handed `f`, and `f` to a method that may keep it
        # (`def _d(b=BOX, f=F.conv2d): b += f`: attack round 110)
        reading.passed.setdefault(statement.target.id, []).append(statement)
        given.update(n.id for n in _values_in(statement.value))
    for name in given:
        reading.passed.setdefault(name, []).append(statement)
    for name in shown.keys() - given:
        reading.shown.setdefault(name, []).append((statement, frozenset(shown[name])))


def _calls_of_partials(reading: _Reading, statement: ast.AST, name: str) -> list[ast.AST] | None:
    """When ``statement`` makes a ``partial`` (or ``partialmethod``) of what it hands: the calls of the name it binds
    it to (``_fill = partial(_put, _B)``, then ``_fill(F.conv2d)``), each handing the partial's arguments on too
    (attack round 88); None when those calls cannot all be read (the partial stored in a container, made of another
    partial, bound by an annotated or a chained assignment, or its name used other than by direct calls: round 89)."""
    partials = [n for n in ast.walk(statement) if isinstance(n, ast.Call)
                and (_resolved(reading, n.func) or "").rsplit(".", 1)[-1] in ("partial", "partialmethod")
                and (n.args and isinstance(n.args[0], ast.Name) and n.args[0].id == name or any(
                    name in _handed_through(reading, ast.Subscript(value=a.value, slice=ast.Constant(0), ctx=ast.Load())
                                            if isinstance(a, ast.Starred) else a)
                    for a in [*n.args[1:], *(k.value for k in n.keywords)]))]
    # (any argument that may be the object: `partial(_put, [_B][0])`, `*[_B]`, `box=_B if c else None`: attack round
    # 90)
    # (the object itself bound in, `partial(_put, _B)`; not an element of it, `partial(OPS["sum"], kernel=k)`:
    # fairness round 12)
    if not partials:
        return []
    if not (isinstance(statement, ast.Assign) and statement.value is partials[0] and len(partials) == 1
            and all(isinstance(t, ast.Name) for t in statement.targets)
            and (_resolved(reading, partials[0].func) or "").endswith(".partial")):
        return None
    index = _call_index(reading)
    bound = {t.id for t in statement.targets}
    if any(index["uses"].get(b, 0) for b in bound):
        return None
    return [_top_statement(reading, call) for b in bound for call in index["by_name"].get(b, ())
            if isinstance(call.func, ast.Name)]


def _statement_expressions(statement: ast.stmt) -> list[ast.expr]:
    """The expressions a statement evaluates in its own scope, not in its nested statements: its direct ones, and
    those of its ``with`` items, ``match`` cases' guards, ``except`` types, and a def's defaults (attack round 88:
    `with nullcontext(_put(_B, F.conv2d)):`, `case _ if _put(...)`, `def f(a=_put(...))`)."""
    parts: list[ast.expr] = []
    for child in ast.iter_child_nodes(statement):
        if isinstance(child, ast.expr):
            parts.append(child)
        elif isinstance(child, ast.withitem):
            parts += [child.context_expr] + ([child.optional_vars] if child.optional_vars is not None else [])
        elif isinstance(child, ast.match_case) and child.guard is not None:
            parts.append(child.guard)
        elif isinstance(child, ast.excepthandler) and child.type is not None:
            parts.append(child.type)
        elif isinstance(child, ast.arguments):
            parts += [*child.defaults, *(d for d in child.kw_defaults if d is not None)]
    return parts


def _comprehensions_around(part: ast.AST, node: ast.AST) -> list[ast.comprehension]:
    """The comprehensions of ``part`` whose element or condition holds ``node``."""
    found = []
    for made in ast.walk(part):
        if isinstance(made, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)) and any(
                n is node for n in ast.walk(made)):
            found += made.generators
    return found


def _comprehension_targets_of(generator: ast.comprehension) -> set[str]:
    return {n.id for n in ast.walk(generator.target) if isinstance(n, ast.Name)}


#: Built-ins that read what they are given, keep none of it and hand back none of it (None, a str, an int or a bool,
#: as Python enforces), calling nothing of it but its dunders (whose code is read where it is defined): a call of one
#: given an object is no change of it.  (Not min, max, sum, zip or abs: what they return may be the object itself, or
#: an element of it, whose change then names no object: attack round 13's `zip(STEPS, hooks)`.)
#: Python's functions that only print, measure or show what they are given (a namespace handed to one escapes as
#: text or a number).
SHOWING_BUILTINS = frozenset({"print", "len", "repr", "str", "format", "isinstance", "id", "bool", "any", "all"})
#: The keywords ``print`` takes that hand it no object (``file`` does: its ``write`` is called).
PRINT_PLAIN_KEYWORDS = frozenset({"sep", "end", "flush"})


def _a_showing_builtin(call: ast.Call) -> str | None:
    """The name of the showing built-in (:data:`SHOWING_BUILTINS`) ``call`` calls by its bare name, with no keyword
    (print's ``sep``/``end``/``flush`` aside), else None."""
    if not (isinstance(call.func, ast.Name) and call.func.id in SHOWING_BUILTINS):
        return None
    allowed = PRINT_PLAIN_KEYWORDS if call.func.id == "print" else frozenset()
    return call.func.id if all(k.arg in allowed for k in call.keywords) else None


def _values_in(node: ast.AST, classes: None | frozenset = frozenset()):
    """The names whose objects an argument hands over: every name in it, but for the function a call inside it
    calls (``ByHand.conv2d`` in ``check(ByHand.conv2d(x))``: that call is read as a call of its own)."""
    todo = [node]
    while todo:
        current = todo.pop()
        if isinstance(current, ast.Name):
            yield current
        elif isinstance(current, ast.JoinedStr):
            # an f-string hands over a new text, never what it formats (`LOG.log(f"ref: {ref.shape}")`: fairness
            # round 66); a call inside it is read as a call of its own
            continue
        elif isinstance(current, ast.IfExp):
            # one of its branches, never its test (`fn(*((x, k) if op == "conv" else (x,)))`: fairness round 62)
            todo.extend((current.body, current.orelse))
        elif isinstance(current, ast.Call):
            todo.extend(current.args)
            todo.extend(k.value for k in current.keywords)
        elif isinstance(current, (ast.Attribute, ast.Subscript)) and isinstance(current.value, ast.Call) \
                and isinstance(current.value.func, ast.Name) and classes is None:
            # `_Holder().box`: an attribute of an instance a class makes, maybe the class's own (attack round 88):
            # asked for (classes None), the class's name is among the values, read only when it names a class
            # (_calls_given)
            todo.append(current.value.func)
            todo.append(current.value)
        else:
            todo.extend(ast.iter_child_nodes(current))


def _changes_only_the_container(node: ast.AST) -> bool:
    """``holder.append(x)``, ``holder[0] = x``: a change to the container itself, not to an element it holds
    (``holder[0]["c"] = f``, ``holder[0].conv = f``, ``holder[0].update(...)``)."""
    if isinstance(node, ast.Call):
        return isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
    targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [getattr(node, "target", None)]
    return all(isinstance(t, (ast.Subscript, ast.Attribute)) and isinstance(t.value, ast.Name) for t in targets)


def _sets_items_only(node: ast.AST) -> bool:
    """``T["conv"]["torch"] = f``, ``T.setdefault("conv", {})["torch"] = f``, ``del T["conv"][0]``: a change made by
    setting or deleting items through items alone (no attribute on the way, no call but a ``setdefault`` or ``get``
    of constant data), which changes a container and never a function held in it (a function has no items:
    ``f["x"] = 1`` raises)."""
    targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [getattr(node, "target", None)]
    if not isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Delete)) or not targets:
        return False
    for target in targets:
        if not isinstance(target, ast.Subscript):
            return False
        while True:
            if isinstance(target, ast.Subscript):
                target = target.value
            elif isinstance(target, ast.Call) and isinstance(target.func, ast.Attribute) \
                    and target.func.attr in ELEMENT_TAKING_TABLE_METHODS and not target.keywords \
                    and all(map(_constant_data, target.args)):
                target = target.func.value
            else:
                break
        if not isinstance(target, ast.Name):
            return False
    return True


def _a_function_alone(reading: _Reading, name: str) -> bool:
    """Every binding of ``name`` in force is a def that no decorator makes into another object
    (:func:`_decorated_into_an_object`): a function, which only its attributes (``f.__code__ = g.__code__``) change,
    never an item set through the table holding it (fairness round 63: ``IMPLS["conv"]["hand"] = conv2d`` beside
    ``IMPLS["conv"]["torch"] = _torch_conv`` made conv2d reach torch's convolution)."""
    bindings = _bindings_in_force(reading, name)
    return bool(bindings) and all(isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef))
                                  and not _decorated_into_an_object(reading, b) for b in bindings)


def _base_name(node: ast.AST) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


@functools.lru_cache(maxsize=256)
def _installed(module: str) -> bool:
    """Whether ``module`` is installed where the judge runs (a module a submission writes is not)."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _reachable_builtins(reading: _Reading, function: str, reached: set[int] | None = None, *,
                        runs: tuple = (), decorating: frozenset = frozenset()) -> list[Finding]:
    """Rule 1: walk from the binding of ``function`` in force, through every name it reaches (and rule 3 on what
    it reaches).  ``reached`` collects every node read (of the bindings, changes and calls followed).

    A decorator that hands back what it decorates (:func:`_returns_what_it_decorates`) runs once, where the def it
    decorates runs, and keeps nothing: what it reaches is walked on its own (``runs``: those defs; ``decorating``:
    the decorators being walked so), and counts but for torch's convolution and pooling, which it may call to
    compare (fairness round 59: `@agrees_with_torch` above the loops cost q6 two points)."""
    findings: list[Finding] = list(reading.untied_builtins)
    seen: set[str] = set()
    todo = [function, *reading.universal]
    checking: dict[str, list[ast.AST]] = {}  # identity decorators' names -> the defs they decorate
    walked: set[int] = set()
    walked_partly: set[tuple] = set()  # statements read in part (walk: `part`)
    reached = set() if reached is None else reached

    # Names the reached code reads other than by adding to a plain container (`CALL_LOG.append(...)` in conv2d): what
    # callbacks store there reaches it (_callbacks_storing); a log it only writes hands it nothing back
    read: set[str] = set()
    hashed: set[str] = set()  # only added to by hashing (a set's add): read if a class defining it is reached
    followed_callbacks: set[str] = set()
    too_many: list[str] = []  # the name held through more than MAX_CONTAINERS names, once found
    held_adds: dict[str, list[ast.AST]] = {}  # a plain list's appends, walked once the list is read
    unfollowed_keepers: dict[str | None, list[Finding]] = {}  # by the name changed (None: a binding)

    def changes_of(name: str) -> list[ast.AST]:
        # What changes an object that holds this one as an element changes this one too (`holder[0]["c"] = f`),
        # unless it is of Python's immutable kinds (`ZERO = 0.0` in `self.parts = [ZERO, ZERO]`, whose items `+=`
        # replaces: fairness round 78)
        containers = [] if too_many or _a_module_constant(reading, ast.Name(id=name, ctx=ast.Load())) \
            else _containers_of(reading, name)
        if len(containers) > MAX_CONTAINERS:
            # unverifiable once: the rest of the walk follows no container (each would cost as much again)
            findings.append(Finding("unverifiable", f"{name} (held through more than {MAX_CONTAINERS} names)"))
            too_many.append(name)
            containers = []
        through = [node for container in containers for node in reading.mutations.get(container, [])
                   if not _changes_only_the_container(node)
                   and not (_a_function_alone(reading, name) and _sets_items_only(node))]
        return reading.mutations.get(name, []) + through + _changes_through_defaults(reading, name)

    # Names read where a statement of the top level runs (an alias `_kept = conv2d`, a default value, a decorator)
    # hold what they held then, which may be a binding the name no longer has when the checks run (attack round 79:
    # `_kept = conv2d` between a wrapper of F.conv2d and the loops, then `conv2d = _kept`, or loops that call
    # `_kept`): the bindings in force at that statement are read too (_bindings_in_force_at), not every binding
    # (fairness round 58: `conv = conv2d` after the loops is the loops, not a first draft).
    as_then: dict[str, list[ast.AST]] = {}
    walked_as_then: set[int] = set()
    # A decorator's function runs where the statement it decorates runs, and so does what it calls: the names its
    # body reads hold what they held then too (attack round 80's hole left open: `def _use(f): return _impl` over
    # the loops, `_impl` a wrapper of F.conv2d bound again after them, hands conv2d the wrapper).  Name -> the
    # decorated top-level statements it runs at; a function read again with more of them is walked again.
    # (at most MAX_RUNS_AT statements a name: past them, the names its code reads are read with every binding
    # they have, and it is walked no more for more statements: attack round 82's 3,000 defs sharing one decorator
    # took the reader 204 s, each new statement a walk of the decorator's code again)
    runs_at: dict[str, dict[int, ast.AST]] = {function: {id(r): r for r in runs}} if runs else {}
    runs_everywhere: set[str] = set()
    walked_runs: dict[int, int] = {}

    def runs_count(name: str) -> int:
        return MAX_RUNS_AT + 1 if name in runs_everywhere else len(runs_at.get(name, ()))

    def _held_in(name: str) -> list[str]:
        # the containers of an object a call can change (not a def's, class's or module's: only their dunders change
        # them, fairness round 62's table of implementations)
        if too_many or all(isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import,
                                          ast.ImportFrom)) for b in _bindings_in_force(reading, name)):
            return []
        return _containers_of(reading, name)[:MAX_CONTAINERS]

    def walk(name: str, callbacks_only: bool = False) -> None:
        _tick(reading)
        if not callbacks_only and (taken := _mutators_taken(reading).get(name)):
            # `_put = _KEPT.append`, `_same.info = _KEPT.append`: whatever calls it stores in the object, unread
            # (attack round 97)
            findings.append(Finding("unverifiable", f"{name}.{taken} used as a value (what it is handed, wherever "
                                                    "it is called, cannot be read)"))
        changes = every_change = changes_of(name)
        # A plain list the reached code only appends to hands that code nothing: what others append to it is not
        # read until some code reached reads the list (then walked with its callbacks: fairness round 60, a
        # self-check appending what F.conv2d computed to the log conv2d appends to cost q6 its points).
        # (what holds it is handed to calls too: `_fill(_OUTER, f)` appending to `_OUTER[0]`, `starmap(_put, _JOBS)`
        # over a table holding it: attack round 88; and calls of what a partial bound it into)
        given = [] if callbacks_only else _calls_given(reading, name) + [
            statement for container in _held_in(name) for statement in _calls_given(reading, container)
            if isinstance(statement, ast.stmt)]  # (handed as an argument, not a method of the container called)
        for statement in list(given):
            calls = _calls_of_partials(reading, statement, name)
            if calls is None:
                findings.append(Finding("unverifiable", f"{name} bound into a partial whose calls cannot all be read"))
            else:
                given += calls
        bound = _bindings_in_force(reading, name) + as_then.get(name, [])
        if name not in read and not callbacks_only:
            # reached only by adding to it (a plain container: _only_added_to): nothing done to it elsewhere, what
            # is added or what calls it is handed to do with it (`ax.imshow(feature_maps["conv1"])`), reaches the
            # code that adds (fairness round 12: a forward hook filling a dict of feature maps for a plot)
            adds = [b for b in bound if _adds_to(reading, b, name)]
            held_adds[name] = list({id(c): c for c in changes + given + adds}.values())
            changes, given = [], []
            bound = [b for b in bound if not any(b is a for a in adds)]
        # the statements that change the object, or hand it to a call, read it only to change it
        changing = held_adds.pop(name, []) if callbacks_only else changes + given
        walked_as_then.update(id(n) for n in as_then.get(name, []))
        nodes = changing if callbacks_only else bound + changing
        changing_ids = {id(node) for node in changing}
        if name in read:
            followed_callbacks.add(name)
            nodes += _callbacks_storing(reading, changes)
        at = list(runs_at.get(name, {}).values())
        everywhere = name in runs_everywhere
        count = runs_count(name)
        # A change that stores plain data (`STATS["checked"] = torch.allclose(conv2d(x, k), _torch_conv(x, k))`)
        # puts nothing of what computed it in the object: read without its value, whose calls ran where the statement
        # runs and change what they change there, read where that is read (fairness round 64: a self-check stored in
        # the dict conv2d counts its calls in cost q6 its points).  Not marked walked: read in full when another
        # name reaches it (handed to a call there).
        narrowed = {id(c) for c in every_change if isinstance(c, (ast.Assign, ast.AnnAssign)) and c.value is not None
                    and not any(c is g for g in given) and not _binds_bare_name(c, name)
                    and _stores_plain_data(reading, c.value)}
        # A method of the object called with plain data alone (`LOG.log(f"ref: {ref.shape}")`) is handed nothing of
        # what computed it: read without its arguments, whose calls are read where they run (fairness round 66: a
        # self-check's messages to the RunLog conv2d also writes to made the self-check conv2d's code)
        plain_calls = {id(c) for c in changing if _a_plain_method_call(reading, c, name)}
        # A binding of the name itself to a new tensor torch makes (`ref = F.conv2d(x[None, None], k[None, None])[0,
        # 0]`) keeps nothing of the function that made it: read without that function (fairness round 66: the
        # reference handed to the ShapeRecorder conv2d also records its output in made F.conv2d conv2d's code).  The
        # rest is read: its names, torch's among them, which reach the views and the autograd graphs a tensor may
        # share with others (attack round 27: a view of it multiplied in place by a tensor holding a gradient hook)
        fresh_calls = {id(b): call.func for b in bound if _the_name_bound(b) == name
                       and (call := _a_fresh_tensor(reading, b.value)) is not None}
        header_ids = {id(b) for b in bound} | {id(g) for g in given}
        for node in nodes:
            # Part of a statement read (marked apart, so that whoever needs all of it still reads it all): a change
            # without the plain data it stores, or a compound statement's header without its body
            skipped: set[int] = set()
            part = None
            if id(node) in narrowed:
                part = ("value", id(node))
                skipped = {id(n) for n in ast.walk(node.value)}
            elif id(node) in fresh_calls:
                part = ("made by", id(node))
                skipped = {id(fresh_calls[id(node)])}
            elif id(node) in plain_calls:
                part = ("arguments", id(node))
                skipped = {id(n) for a in [*node.args, *node.keywords] for n in ast.walk(a)}
            elif isinstance(node, (ast.For, ast.AsyncFor, ast.With, ast.AsyncWith, ast.While, ast.If)) \
                    and id(node) in header_ids:
                # a loop or a `with` binds its target, and a compound statement hands the name to a call, in its
                # header: its body is no part of what the name holds or is handed (each statement of it is read as
                # its own change, binding or call where that is reached; fairness round 65: `for s, p in
                # zip(CFG["strides"], CFG["paddings"])` made the self-check in its body conv2d's code)
                skipped = {id(n) for piece in node.body + getattr(node, "orelse", []) for n in ast.walk(piece)}
                columns = _other_columns(node, name) if isinstance(node, (ast.For, ast.AsyncFor)) \
                    and id(node) not in changing_ids else set()
                skipped |= columns
                part = ("header", id(node), name if columns else None)
            if part is not None:
                if id(node) in walked or part in walked_partly:
                    continue
                walked_partly.add(part)
            elif id(node) in walked and walked_runs.get(id(node), 0) >= count:
                continue
            else:
                walked.add(id(node))
                walked_runs[id(node)] = max(walked_runs.get(id(node), 0), count)
            changed = name if id(node) in changing_ids else None
            if isinstance(node, ast.ExceptHandler) and isinstance(handled := _parents(reading).get(id(node)), (
                    ast.Try, getattr(ast, "TryStar", ast.Try))):
                # `except E as e`: e is what the try body raised, and holds what that handed it (attack round 85:
                # `_throw(F.conv2d)` in the body, conv2d calling `_EC.args[0]`)
                nodes += [statement for statement in handled.body if id(statement) not in walked]
                # and what the functions it calls raise (a checking decorator's `assert False, (F.conv2d,)`)
                nodes += [value for value in _raised_in(reading, handled.body) if id(value) not in walked]
            # a change or a binding made in a function reads that function's names where it stands (fairness round
            # 60: `HISTORY.append((image, kernel, out))` in conv2d read its parameters as the module's `image`,
            # which a self-check handed F.conv2d), and its locals hold what the function binds them to
            around, owners = _scope_around(reading, node)
            later = _run_later(reading, node)
            if changed is not None or not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) \
                    or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and _shared_default_parameters(node):
                # (a def keeping what it is handed in its own default, `def _store(fn=None, _box=[])`, keeps it for
                # whoever calls it: attack round 85)
                # (a change of a name read, or a binding of it in a function: what it keeps reaches whoever reads
                # it; a def read as code keeps for others, who are read where they read it: fairness round 60)
                # (and a lambda the statement makes, outside any function: `_fill = lambda f: _put(_B, f)`, attack
                # round 90)
                keepers = [node] + ([n for n in ast.walk(node) if isinstance(n, ast.Lambda)]
                                    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
                                    and not _functions_around(reading, node) else [])
                for keeper in keepers:
                    nodes += [v for v in _handed_to_a_keeper(reading, keeper) if id(v) not in walked]
                    if (unfollowed := _unfollowed_keeper(reading, keeper)) is not None:
                        # (counts once what it keeps in is read: a set conv2d only adds its settings to hands it
                        # nothing, fairness round 48)
                        unfollowed_keepers.setdefault(changed, []).append(unfollowed)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                # a closure that keeps what it is handed in its factory's variable (`nonlocal box; box = fn`), the
                # factory handing the closure out: read with what the closure's calls hand it (attack round 85)
                for inner in ast.walk(node):
                    if inner is not node and isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(
                            isinstance(st, ast.Nonlocal) for st in _walk_scope_body(inner)):
                        nodes += [v for v in _handed_to_a_keeper(reading, inner) if id(v) not in walked]
                        if (unfollowed := _unfollowed_keeper(reading, inner)) is not None:
                            unfollowed_keepers.setdefault(None, []).append(unfollowed)
            handing_back = {i for d in getattr(node, "decorator_list", ()) for i in _handed_back(reading, d) or ()}
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                reached.add(id(node))  # an import of a thread module reached counts whatever runs (_while_running)
                for alias in node.names:
                    if (alias.asname or alias.name).split(".")[0] == name or alias.name == "*":
                        full = f"{getattr(node, 'module', None) or ''}.{alias.name}".strip(".")
                        top = (getattr(node, "module", None) or alias.name).split(".")[0]
                        if top and not getattr(node, "level", 0) and _installed(top) and not (
                                getattr(node, "module", None) == "operator" and alias.name in NAMED_GETTERS
                                and alias.asname is None and _only_constant_getter_calls(reading, alias.name)) and (
                                outside := _import_outside(node, alias)):
                            findings.append(outside)  # rule 3: not a built-in's name either (ThreadPoolExecutor)
                            continue
                        if top and not getattr(node, "level", 0) and not _installed(top):
                            # a module the submission wrote (%%writefile, open(...).write): its code is
                            # not read, so it proves nothing either way
                            findings.append(Finding("unverifiable", f"import of {full} (a module not "
                                                    "installed where the grader runs: it may be code the "
                                                    "submission writes to a file, which the grader does not "
                                                    "read)", hides_from_models=False))
                        elif BUILT_IN.search(alias.name) or (alias.name == "*" and BUILT_IN.search(name)):
                            findings.append(Finding("builtin", f"import of {full}" if alias.name != "*"
                                                    else f"{name} from {full}"))
                continue
            for sub, local in _code(node, around):
                if id(sub) in skipped:
                    continue
                reached.add(id(sub))
                if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Load) and local is not None \
                        and sub.id not in local and (body := _class_body_around(reading, sub)) is not None:
                    # a name a class body binds (by a loop's, `with`'s or `match`'s header too) is read there as
                    # the body binds it, not as the module's name of that spelling (attack round 96: `for i, same
                    # in enumerate((F.conv2d, ...)): _B[i] = same` in a class body, beside a module's `same = 0`)
                    nodes += [v for v in _local_bindings(body, sub.id) if id(v) not in walked]
                if id(sub) in handing_back:
                    if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Load) and local is not None \
                            and sub.id not in local and sub.id in reading.bindings and sub.id not in decorating:
                        checking.setdefault(sub.id, []).append(node)
                    if isinstance(sub, ast.Attribute) and BUILT_IN.search(sub.attr) or isinstance(sub, ast.Name):
                        continue  # (`@checked_against(F.conv2d)`: handed to the check, called there)
                if outside := _reached_outside(reading, sub, local):
                    findings.append(outside)  # rule 3; a name outside the allowlist is no torch name either
                    continue
                if local is None:
                    findings.append(Finding("unverifiable", f"more than {MAX_NESTED_SCOPES} nested functions"))
                elif isinstance(sub, ast.Attribute) and BUILT_IN.search(sub.attr):
                    if not (_own_class_member(reading, sub, local) or id(sub) in reading.own_attributes
                            or _own_method(reading, sub, local) or id(sub) in _class_tests(reading)):
                        made_by = _instance_classes(reading, sub.value, local, 0)
                        # (on an instance of the submission's own class the name is its class's, whose body is
                        # read as reached code: not a plain def, it is unread, not torch's; fairness round 85's
                        # `pool2 = partialmethod(_slide, 2, 2, 2, torch.max)` was told it called torch's pooling)
                        owner = "/".join(sorted({c.name for c in made_by}))
                        findings.append(Finding("unverifiable", f"{owner}(...).{sub.attr} (a member of {owner} bound "
                                                "otherwise than by a plain def)") if made_by
                                        else Finding("builtin", _root(sub)[1]))
                elif isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name) and \
                        sub.func.id in ATTRIBUTE_FUNCTIONS and sub.func.id not in local:
                    attr = sub.args[1] if len(sub.args) > 1 else None
                    if not (isinstance(attr, ast.Constant) and isinstance(attr.value, str)):
                        first = sub.args[0] if sub.args else None
                        if not (isinstance(first, ast.Name) and first.id in ("self", "cls") and first.id in local):
                            findings.append(Finding("unverifiable", f"{sub.func.id} with a computed name"))
                    elif BUILT_IN.search(attr.value) or attr.value.startswith("_"):
                        findings.append(Finding("builtin" if BUILT_IN.search(attr.value) else "unverifiable",
                                                f"{sub.func.id}(..., {attr.value!r})"))
                elif isinstance(sub, ast.Call) and (module := _passes_a_module(reading, sub, local)):
                    findings.append(Finding("unverifiable", f"the module {module} passed as a value"))
                elif isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Load) and sub.id not in local and (
                        sub.id in reading.bindings or sub.id in reading.mutations) and sub.id not in ("self", "cls"):
                    # A call handed to an object is read alone (_calls_given), out of its method: its `self` is
                    # that method's parameter, never a module-level name (binding one is a finding of rule 2).
                    todo.append(sub.id)
                    # read where the statement runs (its expressions, comprehensions, defaults, decorators), or
                    # in the body of a function that runs there (called, or decorating): as it is there, and what
                    # it names runs there too (attack round 81: `[conv2d for _ in "x"][0]`, `_keep("c")` whose body
                    # returns conv2d, a default made by a comprehension, a decorator calling such a helper)
                    running = at if id(sub) in later else [node]
                    if id(sub) in later and everywhere or len(running) > MAX_RUNS_AT:
                        if sub.id not in runs_everywhere:
                            runs_everywhere.add(sub.id)
                            if len(reading.bindings.get(sub.id, [])) > 1:
                                then = as_then.setdefault(sub.id, [])
                                then += [b for b, _ in reading.bindings[sub.id] if b not in then]
                    elif running and sub.id not in runs_everywhere:
                        runs = runs_at.setdefault(sub.id, {})
                        fresh = [r for r in running if id(r) not in runs]
                        runs.update((id(r), r) for r in fresh)
                        if len(runs) > MAX_RUNS_AT:
                            runs_everywhere.add(sub.id)
                            fresh = [b for b, _ in reading.bindings.get(sub.id, [])]
                        if fresh and len(reading.bindings.get(sub.id, [])) > 1:
                            then = as_then.setdefault(sub.id, [])
                            then += [b for r in fresh for b in (
                                [r] if sub.id in runs_everywhere else _bindings_in_force_at(reading, sub.id, r))
                                if b not in then]
                    if sub.id != changed:
                        how = _only_added_to(reading, sub)
                        if how is None:
                            read.add(sub.id)
                        elif how == "hashes":
                            hashed.add(sub.id)
                elif isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Load) and owners \
                        and (owner := _owner_of(local, sub.id, owners)) is not None:
                    # a local of a function around the node (attack round 85: `fn = F.conv2d; HISTORY.append(fn)`
                    # in a setup function was read as the module's `fn`, which there is none of)
                    nodes += [b for b in _local_sources(owner, sub.id) if id(b) not in walked]

    read.update(todo)  # the functions asked about, and what every function reaches
    rounds = 0
    while todo or (hashed - read and _reached_adding_dunders(reading, reached)):
        if not todo:
            todo.extend(hashed - read)
            read.update(hashed)
        while todo:
            name = todo.pop()
            if name not in seen:
                seen.add(name)
                walk(name)
            elif any(id(n) not in walked_as_then for n in as_then.get(name, [])) or any(
                    walked_runs.get(id(b), 0) < runs_count(name) for b in _bindings_in_force(reading, name)):
                walk(name)  # read before as it is in force, now as a top-level statement found it too
            elif name in read and name not in followed_callbacks:
                walk(name, callbacks_only=True)  # first reached by adding to it, read since
        headers = {part[1] for part in walked_partly if part[0] == "header"}  # (a loop's binding is its header)
        aliases = _aliases(reading, seen, lambda name, at: any(  # names bound to an object already reached
            id(b) in walked or isinstance(b, (ast.For, ast.AsyncFor)) and id(b) in headers
            for b in _bindings_in_force_at(reading, name, at)), unread=seen - read)
        read.update(aliases)
        todo.extend(aliases)
        if todo:
            rounds += 1
            if rounds > MAX_ALIAS_ROUNDS:
                findings.append(Finding("unverifiable", f"more than {MAX_ALIAS_ROUNDS} chained aliases"))
                break
    for changed, unfollowed in unfollowed_keepers.items():
        if changed is None or changed in read:
            findings += unfollowed
    for name, decorated in checking.items():
        if name in seen:
            continue  # reached otherwise too: walked as what it is
        findings += [f for f in _reachable_builtins(reading, name, reached, runs=tuple(decorated),
                                                    decorating=decorating | set(checking))
                     if f.kind != "builtin"]
    return list(dict.fromkeys(findings))  # (a body walked again finds what it found before)


def _scope_around(reading: _Reading, node: ast.AST) -> tuple[_Scope, dict[int, ast.AST]]:
    """The names local where ``node`` stands, by the rules of :func:`_code` (the functions, lambdas and
    comprehensions around it; a decorator, default or first iterable stands in the scope around its own), and the
    node that binds each of those scopes' names, by the scope's id.  Memoised per reading."""
    memo = reading.memo.setdefault("scope_around", {})
    if id(node) in memo:
        return memo[id(node)]
    _tick(reading)
    parents = _parents(reading)
    around: list[tuple[ast.AST, frozenset, frozenset]] = []  # innermost first
    child, parent = node, parents.get(id(node))
    while parent is not None:
        # (in a def's body: not its arguments, return annotation or a decorator, asked so rather than by looking
        # for the node among the body's statements, which is quadratic in a long function's: a stress file of 3,000
        # loops in one function read for 5 s)
        if isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef)) and child is not parent.args \
                and child is not parent.returns and not any(child is d for d in parent.decorator_list) \
                or isinstance(parent, ast.Lambda) and child is parent.body:
            inner, declared = _scope_locals(reading, parent)  # (one frozenset per def, not per node: 800 MB)
            around.append((parent, inner, declared))
        elif isinstance(parent, ast.comprehension):
            made = parents.get(id(parent))
            if made is None:
                break
            if not (child is parent.iter and made.generators[0] is parent):
                around.append((made, _comprehension_targets(made), frozenset()))
            child, parent = made, parents.get(id(made))
            continue
        elif isinstance(parent, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            around.append((parent, _comprehension_targets(parent), frozenset()))
        child, parent = parent, parents.get(id(parent))
    scope, owners = _EMPTY_SCOPE, {}
    for owner, names, declared in reversed(around):
        if names or declared:
            scope = _Scope(names, scope, declared)
            owners[id(scope)] = owner
    memo[id(node)] = scope, owners
    return scope, owners


def _comprehension_targets(made: ast.AST) -> frozenset:
    return frozenset(n.id for g in made.generators for n in ast.walk(g.target) if isinstance(n, ast.Name))


def _owner_of(local: _Scope | None, name: str, owners: dict[int, ast.AST]) -> ast.AST | None:
    """The function or comprehension around a node (one of ``owners``) whose local ``name`` is, where ``local``
    holds; None when it is the node's own (a scope inside it) or no local at all."""
    scope = local
    while scope is not None:
        if name in scope.names:
            return owners.get(id(scope))
        if name in scope.hidden:
            return None
        scope = scope.parent
    return None


def _local_sources(owner: ast.AST, name: str) -> list[ast.AST]:
    """What a local ``name`` of ``owner`` holds: its bindings there (:func:`_local_bindings`), the statements that
    change it in place (``fns.append(f)``, ``fns[0] = f``, ``box.f = f``), or, for a comprehension's target, the
    iterables it is drawn from.  A parameter's values are its callers' (:func:`_handed_to_a_keeper`)."""
    if isinstance(owner, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
        return [g.iter for g in owner.generators
                if any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(g.target))]
    if isinstance(owner, ast.Lambda):
        return []
    changes = [n for n in _walk_scope_body(owner)
               if isinstance(n, ast.ExceptHandler) and n.name == name  # (read with the try body it handles)
               or isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and _base_name(n.func.value) == name
               or isinstance(n, (ast.Assign, ast.AugAssign, ast.AnnAssign)) and any(
                   isinstance(t, (ast.Attribute, ast.Subscript)) and _base_name(t) == name
                   for t in (n.targets if isinstance(n, ast.Assign) else [n.target]))]
    return _local_bindings(owner, name) + changes


def _adds_to(reading: _Reading, change: ast.AST, name: str) -> bool:
    """``name.append(value)``, ``name.add(value)`` as a statement of its own, or ``name[key] = value``, ``name`` a
    plain container (:func:`_only_added_to`): a change that hands the container's reader what it adds, and nothing
    to anyone else (a set's or dict's hashing is read with the classes that define it, :func:`_reached_adding_dunders`)."""
    if isinstance(change, ast.Assign) and len(change.targets) == 1 and isinstance(change.targets[0], ast.Subscript) \
            and isinstance(change.targets[0].value, ast.Name) and change.targets[0].value.id == name:
        return _only_added_to(reading, change.targets[0].value) is not None
    if not (isinstance(change, ast.Call) and isinstance(change.func, ast.Attribute)
            and isinstance(change.func.value, ast.Name) and change.func.value.id == name
            and change.func.attr in ADDING_METHODS | {"add"}):
        return False
    statement = _parents(reading).get(id(change))
    if not isinstance(statement, ast.Expr):
        return False
    return _only_added_to(reading, change.func.value) is not None


def _handed_to_a_keeper(reading: _Reading, node: ast.AST) -> list[ast.expr]:
    """When ``node`` (a def walked, or a statement of one) keeps one of its function's parameters in an object (appends
    it to a list, stores it as an item or attribute, binds it to a global), or a value made of one (a local copy, an
    outer function's parameter in a closure): the values every call of that function hands it, functions and objects
    as they are handed, what a call of the submission's returns there, a caller's own variable by what it binds
    it to, and a caller's parameter by what its own calls hand it (attack rounds 83 and 84: `def _keep(fn):
    _KEPT.append(fn)` called as `_keep(F.conv2d)`, `_keep(_reference())`, through an alias or a caller's parameter,
    a conv2d keeping its `reference=F.conv2d` argument)."""
    memo = reading.memo.setdefault("handed_to_keeper", {})
    if id(node) in memo:
        return memo[id(node)]
    memo[id(node)] = []
    chain = _functions_around(reading, node)  # innermost first (node itself when it is one)
    if not chain:
        return []
    statements = list(ast.walk(node)) if node is not chain[0] else [
        n for part in ([chain[0].body] if isinstance(chain[0], ast.Lambda) else chain[0].body) for n in ast.walk(part)]
    handed: list[ast.expr] = []
    if _keeps_what_it_is_handed(reading, chain, statements):
        # (which parameter a local copy came from is not told: every function around, every argument, is read)
        as_handed = _keeps_what_it_is_handed(reading, chain, statements, as_handed=True)
        for function in chain:
            if _parameter_names(function) or _sent_names(function):
                handed += _what_calls_hand(reading, function, depth=0)
                # what a call makes of an argument (`Geometry(image.shape, kernel.shape, stride, padding)` added to
                # a set: fairness round 48) keeps no function it is handed as one, which the unseen calls could hand
                if as_handed and (how := _called_unseen(reading, function)) is not None:
                    reading.memo.setdefault("unfollowed_keepers", {})[id(node)] = how
    memo[id(node)] = handed
    return handed


def _unfollowed_keeper(reading: _Reading, node: ast.AST) -> Finding | None:
    """A finding when ``node`` keeps what its function is handed and that function is called where the reader does
    not see its arguments (:func:`_called_unseen`; after :func:`_handed_to_a_keeper` read ``node``)."""
    how = reading.memo.get("unfollowed_keepers", {}).get(id(node))
    return None if how is None else Finding("unverifiable", f"a function that keeps what it is handed, {how}: what "
                                                            "it is handed cannot be read")


#: Attributes of a tensor or an array that are data about it (its sizes, type, values or a copy of them): kept, they
#: keep no function its caller handed (fairness round 60: a conv2d logging `image.shape`).  Any other attribute of a
#: parameter may be what the caller put there (attack round 86: `_KEPT.append(box.fn)`, `_KEPT.extend(kw.values())`).
DATA_ATTRIBUTES = frozenset({
    "shape", "dtype", "device", "ndim", "size", "dim", "numel", "stride", "layout", "requires_grad", "is_leaf",
    "item", "tolist", "numpy", "detach", "clone", "cpu", "float", "double", "half", "int", "long", "bool", "to",
    "contiguous", "flatten", "reshape", "view", "T", "mT", "data", "grad", "sum", "mean", "std", "var", "max", "min",
    "abs", "norm", "argmax", "argmin", "squeeze", "unsqueeze", "copy", "astype", "real", "imag", "nbytes",
    "itemsize", "element_size", "is_floating_point", "is_contiguous"})
#: Calls that make an object whose attributes are the keywords they are given.
NAMESPACE_MAKERS = frozenset({"types.SimpleNamespace", "argparse.Namespace"})


def _own_member_names(reading: _Reading) -> frozenset[str]:
    """The names the submission's classes define (methods, properties, class attributes, ``self.x`` set in them): an
    attribute of one of those names on an object may be the submission's code, not a tensor's data (attack round 87:
    a `data` property handing back torch's convolution).  Memoised per reading."""
    names = reading.memo.get("own_member_names")
    if names is None:
        found: set[str] = set()
        for cls in reading.classes:
            for n in ast.walk(cls):
                if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    found.add(n.name)
                elif isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
                    found.add(n.id)
                elif isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Store):
                    found.add(n.attr)
        # and the names a call is given as keywords, which may name an attribute of what it makes
        # (`types.SimpleNamespace(sum=F.conv2d)`: attack round 89), or set as attributes anywhere
        found |= {k.arg for n in reading.nodes if isinstance(n, ast.Call) and (
            (_resolved(reading, n.func) or "") in NAMESPACE_MAKERS or isinstance(n.func, ast.Name) and any(
                isinstance(b, ast.ClassDef) for b, _ in reading.bindings.get(n.func.id, [])))
                  for k in n.keywords if k.arg}
        found |= {n.attr for n in reading.nodes if isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Store)}
        # (attack round 90) a `**` mapping given such a call names its members by its keys, a dict's or `dict()`'s
        # keywords, or any name when the reader cannot list them; a named tuple's or a made dataclass's fields are
        # texts
        for n in reading.nodes:
            if not isinstance(n, ast.Call):
                continue
            resolved = _resolved(reading, n.func) or ""
            if resolved in NAMESPACE_MAKERS or isinstance(n.func, ast.Name) and any(
                    isinstance(b, ast.ClassDef) for b, _ in reading.bindings.get(n.func.id, [])):
                for k in n.keywords:
                    if k.arg is not None:
                        continue
                    if isinstance(k.value, ast.Dict) and all(isinstance(key, ast.Constant) and isinstance(key.value, str)
                                                             for key in k.value.keys):
                        found |= {key.value for key in k.value.keys}
                    elif isinstance(k.value, ast.Call) and isinstance(k.value.func, ast.Name) \
                            and k.value.func.id == "dict" and not k.value.args and all(kw.arg for kw in k.value.keywords):
                        found |= {kw.arg for kw in k.value.keywords}
                    else:
                        found |= DATA_ATTRIBUTES
            elif resolved in COMPARING_WRAPPERS:
                found |= ADDING_DUNDERS  # (what it makes compares by the submission's function: round 90)
            elif resolved.rsplit(".", 1)[-1] in FIELD_MAKERS:
                found |= {word for a in ast.walk(n) if isinstance(a, ast.Constant) and isinstance(a.value, str)
                          for word in a.value.replace(",", " ").split()}
        names = reading.memo["own_member_names"] = frozenset(found)
    return names


#: Library functions whose objects compare or hash by a function of the submission's.
COMPARING_WRAPPERS = frozenset({"functools.cmp_to_key"})
#: Functions that make a class whose members are named by texts they are given.
FIELD_MAKERS = frozenset({"namedtuple", "NamedTuple", "make_dataclass", "TypedDict", "Enum", "IntEnum", "Flag"})


#: Built-ins whose result is a number, a text or a bool made of what they are given, never an element of it (not min,
#: max, sorted, list, tuple: attack round 86's `min([fn], key=id)`, `list(fns)[0]`).
DATA_BUILTINS = frozenset({"len", "str", "repr", "int", "float", "bool", "isinstance", "range", "format", "hash", "id",
                           "any", "all", "print"})  # (not abs, round, sum: `sum([], t)` is t, attack round 87)
#: Built-ins whose result holds none of what they are given (not abs, round: they hand back what a class's
#: __abs__/__round__ does, attack round 93).
NEW_VALUE_BUILTINS = DATA_BUILTINS | {"issubclass", "callable", "ord", "chr"}
#: The built-in types an annotation names.
BUILTIN_TYPES = frozenset({"int", "float", "str", "bool", "list", "tuple", "dict", "set", "frozenset", "bytes", "object",
                           "type", "complex", "slice", "range"})
#: Attributes of a function or class that hand it on (to be called, or bound).
CALLING_ATTRIBUTES = frozenset({"__call__", "__func__", "__wrapped__", "__get__", "__self__"})
#: Functions and methods that look a name up from a text (a text they are given may name a keeper).
NAME_LOOKUPS = frozenset({"getattr", "hasattr", "setattr", "delattr", "attrgetter", "methodcaller", "__getattribute__",
                          "__getattr__", "get", "pop", "setdefault", "__getitem__"})
#: Functions that call a function they are handed at once, with the elements of their other arguments.
CALLBACK_TAKERS = frozenset({"map", "filter", "sorted", "min", "max", "functools.reduce", "itertools.starmap",
                             "itertools.accumulate", "itertools.filterfalse", "itertools.takewhile",
                             "itertools.dropwhile", "itertools.groupby"})
#: Attributes of a function that are its texts, read without calling or handing on the function.
FUNCTION_TEXTS = frozenset({"__name__", "__qualname__", "__doc__", "__module__"})


def _called_unseen(reading: _Reading, function: ast.AST) -> str | None:
    """How ``function`` may be called with arguments :func:`_what_calls_hand` does not read, else None: a special
    method (Python calls it: ``==``, ``in``, ``obj(...)``, ``with``), a class whose ``__init__`` it is used as a value,
    or one of its names (:func:`_names_of`) used other than as the function of a call, the value of a plain alias,
    a bare decorator, or the owner of its texts (attack round 85: the keeper called through a conditional, ``and``,
    a walrus, a loop, an unpacking, an annotated alias, ``dict.get``, ``getattr``, ``staticmethod``, ``partial``, a
    factory's return, and by operators)."""
    if _sent_names(function):
        return f"the generator {function.name} (what send and throw hand it)"
    if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) and function.name.startswith("__") \
            and function.name.endswith("__"):
        owner = _parents(reading).get(id(function))
        if function.name not in ("__init__", "__new__") or not isinstance(owner, ast.ClassDef):
            return f"the special method {function.name} (Python calls it)"
        # the class and the subclasses that inherit the method (their calls call it too: _names_of); a name in a
        # class statement's bases makes a subclass, read so, not a value handed on (fairness round 77: `class
        # PixelAcc(Named)` whose `__init__` calls `Named.__init__(self, "pixel")`)
        family = [owner] + _inheriting_subclasses(reading, owner, function.name)
        if _reaches_classes_through_hierarchy(reading):
            return f"a class {owner.name} a hierarchy or an instance may hand on"
        as_bases = _classes_by_base_name(reading)
        for cls in family:
            if _call_index(reading)["uses"].get(cls.name, 0) > len(as_bases.get(cls.name, ())):
                return f"a class {cls.name} used as a value"
        for cls in family:
            # (a class decorator is handed the class, and may call it: `def deco(c): c(F.conv2d)`, found checking
            # fairness round 77's subclasses; dataclass only writes methods)
            unread = [d for d in cls.decorator_list
                      if _resolved_once(reading, d.func if isinstance(d, ast.Call) else d) != "dataclasses.dataclass"]
            if unread:
                return f"a class {cls.name} handed to its decorator"
            if any(isinstance(n, ast.Call) and (isinstance(n.func, ast.Name) and n.func.id == "cls" or isinstance(
                    n.func, ast.Call) or isinstance(n.func, ast.Attribute) and n.func.attr == "__class__")
                   for n in ast.walk(cls)):
                return f"a class {cls.name} made by its own methods (`cls(...)`)"
        return None
    if _decorators_made(reading, function):
        return None  # (called by Python with the defs its factory's calls decorate, and only so)
    for name in _names_of(reading, function):
        if _call_index(reading)["uses"].get(name, 0):
            return f"{name} used as a value"
    return None


def _decorators_made(reading: _Reading, function: ast.AST) -> list[ast.AST]:
    """When ``function`` is the decorator a factory makes and hands back (``def register(key): def deco(fn): ...;
    return deco``), used only by returning it, and the factory is only ever called as a decorator (``@register("c")``):
    the defs and classes it decorates (what Python hands it); else [] (fairness round 62's registries)."""
    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return []
    factory = _parents(reading).get(id(function))
    if not isinstance(factory, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return []
    index = _call_index(reading)
    returns = sum(1 for n in _walk_scope_body(factory)
                  if isinstance(n, ast.Return) and isinstance(n.value, ast.Name) and n.value.id == function.name)
    decorated = index["factory_decorated"].get(factory.name, [])
    if not returns or index["uses"].get(function.name, 0) != returns or index["uses"].get(factory.name, 0) \
            or len(index["by_name"].get(factory.name, ())) != len(decorated) \
            or [b for b, _ in reading.bindings.get(factory.name, [])] != [factory]:
        return []
    return decorated


def _through_a_local_alias(reading: _Reading, change: ast.AST) -> bool:
    """Whether ``change`` (a call of a changing method, or an assignment to an item or attribute) changes its object
    through a name its function binds to another name's object (``kept = _KEPT``, ``box = holder.box``)."""
    if isinstance(change, ast.Call):
        receivers = [change.func.value] if isinstance(change.func, ast.Attribute) else change.args[:1]
    else:
        receivers = [t.value for t in (change.targets if isinstance(change, ast.Assign) else [change.target])
                     if isinstance(t, (ast.Attribute, ast.Subscript))]
    around = _functions_around(reading, change)
    for receiver in receivers:
        base = _base_name(receiver)
        for function in around[:1]:
            if base is None or base in _parameter_names(function) or isinstance(function, ast.Lambda):
                continue
            own = _function_locals(function)[0]
            if any(isinstance(value, (ast.Name, ast.Attribute, ast.Subscript)) and _base_name(value) not in own
                   for value in _local_bindings(function, base)):
                return True
    return False


def _changes_through_defaults(reading: _Reading, name: str) -> list[ast.AST]:
    """The changes a function makes through a parameter whose default is ``name``'s object (``def _keep(fn,
    box=_STORE): box.append(fn)``, or ``box=_Holder.box``): changes of that object (attack round 87)."""
    index = reading.memo.get("defaults_index")
    if index is None:
        index = reading.memo["defaults_index"] = {}
        for function in reading.nodes:
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for parameter, default in _parameter_defaults(function).items():
                    if isinstance(default, ast.Subscript) and isinstance(default.value, ast.Name) \
                            and _a_table_of_constants(reading, default.value.id) \
                            or _constant_items_taken(reading, default):
                        continue  # (`stride=DEFAULTS["stride"]`: a constant, of any table's)
                    if (base := _base_name(default)) is not None:
                        index.setdefault(base, []).append((function, parameter))
    if name not in reading.global_in_functions and reading.bindings.get(name) and all(
            isinstance(b, (ast.Assign, ast.AnnAssign)) and getattr(b, "value", None) is not None
            and _constant_data(b.value) and not isinstance(b.value, (ast.List, ast.Set, ast.Dict))
            for b, _ in reading.bindings[name]):
        return []  # (`STRIDE = 1`, `stride=STRIDE` shared by conv2d and a torch helper: nothing changes a constant,
        # fairness round 66)
    # and the calls it hands the parameter to, which may change it out of sight (`def _fill(f, box=_B): _put(box,
    # f)`: attack round 90), but torch's own, which keep nothing (`F.conv2d(..., stride=stride)`)
    return [change for function, parameter in index.get(name, ())
            for change in reading.mutations.get(parameter, []) + [
                handing for handing in reading.passed.get(parameter, []) if any(
                    isinstance(call, ast.Call) and not (isinstance(call.func, ast.Name)
                                                        and call.func.id in NON_STORING_BUILTINS)
                    and not _keeps_nothing_it_is_handed(reading, call)
                    and any(isinstance(a, ast.Name) and a.id == parameter
                            for a in [*call.args, *(k.value for k in call.keywords)])
                    for call in ast.walk(handing))]
            if function in _functions_around(reading, change)]


def _sent_names(function: ast.AST) -> set[str]:
    """In a generator, the names bound to what ``send`` hands it (``got = yield``) or ``throw`` raises in it (an
    ``except ... as e`` around a ``yield``): handed from outside like parameters (attack round 87)."""
    if isinstance(function, ast.Lambda) or not any(isinstance(n, (ast.Yield, ast.YieldFrom))
                                                   for n in _walk_scope_body(function)):
        return set()
    names: set[str] = set()
    bare = {id(n.value) for n in _walk_scope_body(function) if isinstance(n, ast.Expr)}
    for n in _walk_scope_body(function):
        if isinstance(n, (ast.Assign, ast.AnnAssign, ast.NamedExpr)) and isinstance(n.value, (ast.Yield, ast.YieldFrom)):
            targets = [n.target] if not isinstance(n, ast.Assign) else n.targets
            names |= {m.id for t in targets for m in ast.walk(t) if isinstance(m, ast.Name)}
            bare.add(id(n.value))
        elif isinstance(n, ast.ExceptHandler) and n.name:
            names.add(n.name)
    if any(isinstance(n, (ast.Yield, ast.YieldFrom)) and id(n) not in bare for n in _walk_scope_body(function)):
        names.add(SENT_VALUE)  # (`b += (yield)`: what send hands, used where it stands, attack round 116)
    return names


#: What :func:`_sent_names` names a ``yield`` used as a value by (no identifier: no name of the code's).
SENT_VALUE = "(yield)"


def _shared_default_parameters(function: ast.AST) -> set[str]:
    """The parameters of ``function`` whose default is a container or an object a call makes (``box=[]``,
    ``table=dict()``), which the function's every call shares."""
    return {name for name, default in _parameter_defaults(function).items()
            if not isinstance(default, (ast.Constant, ast.Name, ast.Attribute, ast.UnaryOp))}


def _parameter_defaults(function: ast.AST) -> dict[str, ast.expr]:
    """A function's or lambda's parameters that have a default, each with its default's expression."""
    args = function.args
    positional = args.posonlyargs + args.args
    defaults = {a.arg: d for a, d in zip(positional[len(positional) - len(args.defaults):], args.defaults)}
    defaults.update({a.arg: d for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None})
    return defaults


def _functions_around(reading: _Reading, node: ast.AST) -> list[ast.AST]:
    """The functions and lambdas around ``node``, innermost first (``node`` itself when it is one)."""
    parents = _parents(reading)
    chain: list[ast.AST] = []
    scope = node
    while scope is not None:
        if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            chain.append(scope)
        scope = parents.get(id(scope))
    return chain


#: Modules whose functions store their later arguments in their first (``operator.iadd(_KEPT, [fn])``,
#: ``heapq.heappush(_KEPT, fn)``, ``bisect.insort(_KEPT, fn)``: attack round 85).
STORING_MODULES = ("operator.", "heapq.", "bisect.")


def _keeps_what_it_is_handed(reading: _Reading, chain: list[ast.AST], statements: list[ast.AST], *,
                             as_handed: bool = False) -> bool:
    """Whether ``statements`` keep a parameter of a function of ``chain`` (innermost first) in an object outside them:
    stored as an item or attribute, appended, handed to a storing function, bound to a global, also through a local
    copy (`kept = fn`) or a local alias of the object (`kept = _KEPT`).  ``as_handed``: the parameter itself, or in a
    display (`(fn, 1)`), not what a call makes of it."""
    parameters: set[str] = set()
    own: set[str] = set()
    for function in chain:
        parameters |= _parameter_names(function) | _sent_names(function)
        own |= _function_locals(function)[0]
    body = [n for function in chain for n in ast.walk(function)]
    declared = {name for n in body if isinstance(n, (ast.Global, ast.Nonlocal)) for name in n.names}
    own -= declared
    # a parameter defaulting to a container holds one object made once, shared by every call (attack round 85:
    # `def _keep(fn, box=[]): box.append(fn)`)
    own -= {name for function in chain for name in _shared_default_parameters(function)}
    # a parameter defaulting to a module's object changes that object (`box=_STORE`: attack round 87)
    defaulted = {name for function in chain for name, default in _parameter_defaults(function).items()
                 if isinstance(default, (ast.Name, ast.Attribute))}
    defaulted_data = {name for function in chain for name, default in _parameter_defaults(function).items()
                      if (base := _base_name(default)) is not None and _module_data(reading, base)}
    selves = {positional[0].arg for function in chain if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef))
              and isinstance(_parents(reading).get(id(function)), ast.ClassDef)
              for positional in [function.args.posonlyargs + function.args.args] if positional}

    def root(target: ast.AST) -> str | None:
        while isinstance(target, (ast.Attribute, ast.Subscript, ast.Call, ast.Starred)):
            target = target.func if isinstance(target, ast.Call) else target.value
        return target.id if isinstance(target, ast.Name) else None

    # local copies of a parameter hold it; local aliases of an outside object are that object
    holding = set(parameters)
    outside_aliases: set[str] = set()
    changed_in_place: set[str] = set()  # such aliases but of a module's number or text
    for _ in range(4):
        for n in body:
            if isinstance(n, ast.Assign) and all(isinstance(t, ast.Name) for t in n.targets):
                names = {t.id for t in n.targets}
                value_names = {m.id for m in ast.walk(n.value) if isinstance(m, ast.Name)}
                if value_names & holding and not (as_handed and any(isinstance(m, ast.Call) for m in ast.walk(n.value))):
                    holding |= names
                base = root(n.value)
                if base is not None and (base not in own or base in outside_aliases or base in selves) \
                        and isinstance(n.value, (ast.Name, ast.Attribute, ast.Subscript)):
                    outside_aliases |= names
                    if not (isinstance(n.value, ast.Name) and _a_module_constant(reading, n.value)):
                        changed_in_place |= names  # (an in-place operator on it changes the object: below)
            elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n not in chain and any(
                    isinstance(m, ast.Name) and m.id in holding for m in ast.walk(n)):
                holding.add(n.name)  # (a def closing over a parameter calls it: attack round 86)
            elif isinstance(n, ast.NamedExpr) and any(isinstance(m, ast.Name) and m.id in holding
                                                      for m in ast.walk(n.value)):
                holding.add(n.target.id)  # (`box[0] = (box := [None, fn])`: attack round 87)

    def outside(target: ast.AST) -> bool:
        base = root(target)
        return base is not None and (base not in own or base in outside_aliases or base in selves or base in defaulted)

    kept: list[ast.AST] = []
    for n in statements:
        if isinstance(n, (ast.Assign, ast.AugAssign, ast.AnnAssign)) and n.value is not None:
            targets = n.targets if isinstance(n, ast.Assign) else [n.target]
            if any(isinstance(t, (ast.Attribute, ast.Subscript)) and outside(t)
                   or isinstance(t, ast.Name) and t.id in declared for t in targets) or isinstance(
                    n, ast.AugAssign) and isinstance(n.target, ast.Name) and n.target.id in changed_in_place \
                    and not _sets_a_setting(reading, n):  # (`torch.backends.cudnn.benchmark = flag` keeps a bool:
                # fairness round 46's helper mapped over [False, True] in a thread pool, q6 -3)
                kept.append(n.value)
        elif isinstance(n, ast.Call):
            arguments = [*n.args, *[k.value for k in n.keywords]]
            if isinstance(n.func, ast.Attribute) and n.func.attr in MUTATING_METHODS \
                    and _base_name(n.func.value) not in reading.imported and (  # (`operator.add(acc, x)`)
                    outside(n.func.value) or any(isinstance(a, ast.Name) and outside(a) for a in n.args[:1])):
                kept += arguments  # (`_KEPT.append(fn)`, `list.append(_KEPT, fn)`)
            elif isinstance(n.func, ast.Attribute) and outside(n.func.value) \
                    and _base_name(n.func.value) not in reading.imported and _own_method_keeps(reading, n.func.attr):
                # a method of the submission's classes that keeps what it is handed, called on an object outside the
                # function, keeps it there (`_HOLDER.keep(fn)`, `h = _HOLDER; h.keep(fn)`: attack round 84)
                kept += arguments
            elif (isinstance(n.func, ast.Name) and n.func.id in STORING_FUNCTIONS
                  or (_resolved(reading, n.func) or "").startswith(STORING_MODULES)) \
                    and any(isinstance(a, ast.Name) and outside(a) for a in n.args[:1]):
                kept += arguments  # (`setattr(obj, "f", fn)`, `operator.iadd(_KEPT, [fn])`)
            elif not (isinstance(n.func, ast.Name) and n.func.id in NON_STORING_BUILTINS
                      and n.func.id not in reading.bindings) and any(
                    isinstance(a, ast.Name) and outside(a) and (a.id in defaulted_data or _module_data(reading, a.id))
                    for a in arguments) and not _uses_only_as_data(reading, n, holding):
                # handed on beside an object outside the function, to a call that may put it there (`_put(_B, f)`,
                # `_put(box, f)` with `box=_B`: attack round 90's fillers, the object's change out of the reader's
                # sight in another function)
                kept += arguments
    # A parameter kept as it is, or in a container, counts; its attribute (`image.shape`) or what a built-in or a
    # library function makes of it (`tuple(image.shape)`, `len(x)`) is data it was asked about, not it (fairness
    # round 60: a conv2d logging its inputs' sizes had its callers' inputs read).
    parents = _parents(reading)

    kept_ids = {id(value) for value in kept}

    def as_it_is(name: ast.Name) -> bool:
        child, parent = name, parents.get(id(name))
        while parent is not None and not isinstance(parent, ast.stmt) and id(child) not in kept_ids:
            if _makes_data_of(reading, parent, child) or (
                    as_handed and isinstance(parent, ast.Call) and child is not parent.func):
                return False
            child, parent = parent, parents.get(id(parent))
        return True

    return any(isinstance(m, ast.Name) and m.id in holding and as_it_is(m) or isinstance(
        m, (ast.Yield, ast.YieldFrom)) and SENT_VALUE in holding for value in kept for m in ast.walk(value))


def _own_method_keeps(reading: _Reading, name: str) -> bool:
    """Whether a method ``name`` of the submission's classes keeps one of its parameters in an object outside it
    (:func:`_keeps_what_it_is_handed`: on ``self`` or ``cls``, in a module's object).  Memoised per reading."""
    memo = reading.memo.setdefault("own_method_keeps", {})
    if name not in memo:
        memo[name] = False  # (a method calling itself)
        memo[name] = any(
            _keeps_what_it_is_handed(reading, [st], [n for part in st.body for n in ast.walk(part)])
            for cls in reading.classes for st in cls.body
            if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)) and st.name == name)
    return memo[name]


def _uses_only_as_data(reading: _Reading, call: ast.Call, holding: set[str]) -> bool:
    """``call`` calls a function of the submission's that uses each parameter receiving one of ``holding`` only as data
    about it (``def log_call(history, fn, s): history.append(fn.__name__)``: fairness round 65's timing decorator)."""
    if not isinstance(call.func, ast.Name):
        return False
    bindings = reading.bindings.get(call.func.id, [])
    if not bindings or not all(isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef)) for b, _ in bindings):
        return False
    parents = _parents(reading)
    for function, _ in bindings:
        positional = [a.arg for a in function.args.posonlyargs + function.args.args]
        if function.args.vararg or function.args.kwarg:
            return False
        received = {positional[i] for i, a in enumerate(call.args) if i < len(positional)
                    and isinstance(a, ast.Name) and a.id in holding} | {
            k.arg for k in call.keywords if k.arg and isinstance(k.value, ast.Name) and k.value.id in holding}
        if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
            return False
        for n in _walk_scope_body(function):
            if isinstance(n, ast.Name) and n.id in received:
                parent = parents.get(id(n))
                if not (isinstance(n.ctx, ast.Load) and parent is not None and _makes_data_of(reading, parent, n)):
                    return False
        if any(isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) and n is not function
               for n in ast.walk(function)):
            return False  # (a closure may keep it)
    return True


#: Built-ins that keep nothing of their arguments (their result is new, or a view a caller cannot change them through).
NON_STORING_BUILTINS = NEW_VALUE_BUILTINS | {"type", "abs", "round"}


def _module_data(reading: _Reading, name: str) -> bool:
    """``name`` is bound at the module's level to an object a call may put things in: a display or a comprehension,
    a container a plain constructor makes (``deque()``), or an instance of a class of the submission's."""
    def container(value: ast.AST | None) -> bool:
        return isinstance(value, (ast.List, ast.Set, ast.Dict, ast.ListComp, ast.SetComp, ast.DictComp)) or (
            isinstance(value, ast.Call) and (_makes_plain_container(reading, value) or (
                isinstance(value.func, ast.Name) and any(isinstance(b, ast.ClassDef)
                                                         for b, _ in reading.bindings.get(value.func.id, [])))))

    return name not in reading.imported and any(
        isinstance(b, (ast.Assign, ast.AnnAssign)) and container(b.value) for b, _ in reading.bindings.get(name, []))


def _names_of(reading: _Reading, function: ast.AST) -> set[str]:
    """The names a function is called by: its def's name, a name a lambda is bound to, and names bound to either
    (`_remember = _keep`)."""
    parents = _parents(reading)
    if isinstance(function, ast.Lambda):
        parent = parents.get(id(function))
        names = {t.id for t in parent.targets if isinstance(t, ast.Name)} if isinstance(parent, ast.Assign) else set()
    else:
        names = {function.name}
        owner = parents.get(id(function))
        if function.name in ("__init__", "__new__") and isinstance(owner, ast.ClassDef):
            # (a call of the class calls them, and a call of a subclass that inherits them)
            names |= {c.name for c in [owner] + _inheriting_subclasses(reading, owner, function.name)}
    aliases = _call_index(reading)["aliases"]
    todo = list(names)
    while todo:  # (every alias of an alias: a chain of five, attack round 117, not four steps)
        for alias in aliases.get(todo.pop(), ()):
            if alias not in names:
                names.add(alias)
                todo.append(alias)
    return names


def _inheriting_subclasses(reading: _Reading, cls: ast.ClassDef, method: str) -> list[ast.ClassDef]:
    """The classes of the submission's that name ``cls`` (by its name) among their bases, directly or through others
    such, and do not define ``method`` by a ``def`` of their own body: a call of them runs ``cls``'s ``method`` where
    no base before it defines one (read as if every one did: more calls read, never fewer)."""
    by_base = _classes_by_base_name(reading)
    aliases = _call_index(reading)["aliases"]
    todo, names, found, taken = [cls.name], {cls.name}, [], {id(cls)}
    while todo:
        name = todo.pop()
        for alias in aliases.get(name, ()):  # (`N2 = Named`, `class Sub(N2)`: attack round 117)
            if alias not in names:
                names.add(alias)
                todo.append(alias)
        for c in by_base.get(name, ()):
            own = [st for st in _class_scope_statements(c) if method in _names_bound_by(st) or isinstance(
                st, ast.Delete) and any(isinstance(t, ast.Name) and t.id == method for t in st.targets)]
            if id(c) in taken or len(own) == 1 and isinstance(own[0], (ast.FunctionDef, ast.AsyncFunctionDef)) \
                    and own[0] in c.body and not own[0].decorator_list:
                continue  # (its own def, and nothing else binding the name: not `__init__ = Named.__init__` after
                # it, nor `del __init__`, attack round 117)
            taken.add(id(c))
            found.append(c)
            if c.name not in names:
                names.add(c.name)
                todo.append(c.name)
    return found


#: Attributes that hand a class's bases, or the classes derived from it, on.
HIERARCHY_ATTRIBUTES = frozenset({"__base__", "__bases__", "__mro__", "mro", "__subclasses__", "__orig_bases__"})


def _reaches_classes_through_hierarchy(reading: _Reading) -> bool:
    """Whether the submission may reach a class other than by its name: a hierarchy's attribute (``Sub.__base__``,
    ``Sub.mro()[1]``, also by a text: ``getattr(Sub, "__base__")``), or an instance's class called
    (``type(s)(...)``, ``s.__class__(...)``): attack round 117.  Memoised per reading."""
    found = reading.memo.get("through_hierarchy")
    if found is None:
        parents = _parents(reading)
        found = reading.memo["through_hierarchy"] = any(
            isinstance(n, ast.Attribute) and n.attr in HIERARCHY_ATTRIBUTES
            or isinstance(n, ast.Constant) and n.value in HIERARCHY_ATTRIBUTES
            or (isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "type" and len(n.args) == 1
                or isinstance(n, ast.Attribute) and n.attr == "__class__") and not (
                # (`type(a) is type(b)`, `type(self).__name__`: compared or named; not `T = type(s); T(...)`,
                # `map(type(s), ...)`, attack round 118)
                isinstance(p := parents.get(id(n)), ast.Attribute) and (
                    p.attr in FUNCTION_TEXTS or not p.attr.startswith("__"))  # (`type(self).made += 1`: a counter)
                or isinstance(p, ast.Compare))
            for n in reading.nodes)
    return found


def _classes_by_base_name(reading: _Reading) -> dict[str, list[ast.ClassDef]]:
    """The class statements naming each name, by itself, among their bases, once for each time they name it
    (memoised per reading)."""
    found = reading.memo.get("classes_by_base_name")
    if found is None:
        found = reading.memo["classes_by_base_name"] = {}
        for c in reading.classes:
            for b in c.bases:
                if isinstance(b, ast.Name):
                    found.setdefault(b.id, []).append(c)
    return found




#: What reads a function's or a class's annotations back as objects.
ANNOTATION_READERS = frozenset({"get_type_hints", "get_annotations", "signature", "getfullargspec", "fields",
                                # (singledispatch's `register` files a function under its parameter's annotation,
                                # which its `registry` hands out: attack round 133)
                                "register"})


def _reads_annotations(reading: _Reading) -> bool:
    """Whether the source reads annotations back as objects (``f.__annotations__``, ``typing.get_type_hints``,
    ``inspect.signature``): memoised per reading."""
    found = reading.memo.get("reads_annotations")
    if found is None:
        found = reading.memo["reads_annotations"] = any(
            isinstance(n, ast.Attribute) and n.attr == ANNOTATIONS or isinstance(n, ast.Name) and n.id == ANNOTATIONS
            # (a signature's parameters hand out what they are annotated with: `inspect.Signature.from_callable(f)
            # .parameters['a'].annotation`, attack round 132; anything of inspect's is read as reading them)
            or isinstance(n, ast.Attribute) and n.attr in ("annotation", "return_annotation", "__signature__")
            or isinstance(n, (ast.Name, ast.Attribute)) and (_resolved(reading, n) or "").startswith("inspect.")
            # (named anywhere, not only called, and by a text too: `map(dataclasses.fields, [D])`, `get=fields` as a
            # default, `getattr(dataclasses, 'fields')(D)[0].type`, attack round 133)
            or isinstance(n, (ast.Name, ast.Attribute)) and (_resolved(reading, n) or "").rsplit(".", 1)[
                -1] in ANNOTATION_READERS
            or bool(set(_identifiers_of(n)) & (ANNOTATION_READERS | {ANNOTATIONS})) for n in reading.nodes)
    return found


def _call_index(reading: _Reading) -> dict:
    """The calls of the units by the name they call (``f(...)``, ``obj.f(...)``), those through a subscript or a
    ``partial``, and the plain aliases of names (``g = f``), built once per reading: a keeping function's calls are
    looked up, not searched for (a file of many keepers would cost their number times its size)."""
    index = reading.memo.get("call_index")
    if index is None:
        by_name: dict[str, list[ast.Call]] = {}
        through: list[ast.Call] = []
        aliases: dict[str, set[str]] = {}
        decorated: dict[str, list[ast.AST]] = {}
        through_decorators: dict[str, list[ast.AST]] = {}
        taking: dict[str, list[ast.Call]] = {}  # name -> calls of CALLBACK_TAKERS handed it
        factory_decorated: dict[str, list[ast.AST]] = {}  # name -> defs decorated by a call of it
        plain: set[int] = set()  # nodes naming a function where its arguments stay readable
        for n in reading.nodes:
            if isinstance(n, ast.Call):
                plain.add(id(n.func))
                taker = n.func.id if isinstance(n.func, ast.Name) and n.func.id not in reading.bindings \
                    else _resolved(reading, n.func)
                if taker in CALLBACK_TAKERS:
                    # (`map(keep, [...])`: keep is called at once with the elements of the other arguments)
                    for argument in [*n.args, *(k.value for k in n.keywords)]:
                        if isinstance(argument, ast.Name):
                            plain.add(id(argument))
                            taking.setdefault(argument.id, []).append(n)
                if isinstance(n.func, ast.Name):
                    by_name.setdefault(n.func.id, []).append(n)
                elif isinstance(n.func, ast.Attribute):
                    by_name.setdefault(n.func.attr, []).append(n)
                if isinstance(n.func, ast.Subscript) or (
                        n.args and isinstance(n.args[0], ast.Name) and (_resolved(reading, n.func) or "").endswith(
                            "partial")):
                    through.append(n)
            elif isinstance(n, ast.Assign) and isinstance(n.value, ast.Name):
                if all(isinstance(t, ast.Name) for t in n.targets):
                    plain.add(id(n.value))
                aliases.setdefault(n.value.id, set()).update(t.id for t in n.targets if isinstance(t, ast.Name))
            elif isinstance(n, ast.Attribute) and n.attr in FUNCTION_TEXTS:
                plain.add(id(n.value))
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                for d in n.decorator_list:
                    if isinstance(d, ast.Name):
                        plain.add(id(d))
                        decorated.setdefault(d.id, []).append(n)  # (`@register` hands it the def)
                    head = d.func if isinstance(d, ast.Call) else d
                    if isinstance(head, ast.Attribute) and (base := _base_name(head)) is not None:
                        through_decorators.setdefault(base, []).append(n)  # (`@_route.register` hands _route it)
                    if isinstance(d, ast.Call) and isinstance(d.func, ast.Name):
                        factory_decorated.setdefault(d.func.id, []).append(n)  # (`@register("c")`)
        # names read where they hand nothing on: an attribute read on them (`Pad.made`, not `f.__call__`), a type
        # tested (`isinstance(x, Pad)`), an annotation (fairness round 62: a class counting its instances)
        texts: list[ast.Constant] = []
        for n in reading.nodes:
            if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.attr not in CALLING_ATTRIBUTES:
                plain.add(id(n.value))
            elif isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in ("isinstance", "issubclass") \
                    and len(n.args) == 2 and not any(isinstance(m, ast.NamedExpr) for m in ast.walk(n.args[1])):
                # (not `isinstance(0, (k := Named))`, which binds the class to another name: attack round 117)
                plain.update(id(m) for m in ast.walk(n.args[1]) if isinstance(m, ast.Name))
            elif isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "super" and n.args \
                    and isinstance(n.args[0], ast.Name) and "super" not in reading.bindings:
                plain.add(id(n.args[0]))  # (`super(PixelAcc, self)`: where a base's method is looked up, as
                # `super()` is; nothing of PixelAcc's is called: fairness round 77)
            elif isinstance(n, (ast.arg, ast.AnnAssign)) and n.annotation is not None:
                # (a type's name; a function's is kept in __annotations__, where it may be called: attack round 89)
                # (a class of the submission's too, unless something reads the annotations back, where it may be
                # called: attack round 90's `_typed.__annotations__["fn"](F.conv2d)` making an instance)
                plain.update(id(m) for m in ast.walk(n.annotation) if isinstance(m, ast.Name) and (
                    m.id in BUILTIN_TYPES or reading.bindings.get(m.id) and all(
                        isinstance(b, (ast.Import, ast.ImportFrom)) or isinstance(b, ast.ClassDef)
                        and not _reads_annotations(reading) for b, _ in reading.bindings[m.id])))
            if isinstance(n, ast.Call) and (isinstance(n.func, ast.Name) and n.func.id in NAME_LOOKUPS
                                            or isinstance(n.func, ast.Attribute) and n.func.attr in NAME_LOOKUPS):
                texts += [a for a in n.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        # every other use of a name as a value, or a text that looks a name up (`getattr(obj, "keep")`; not a text
        # anywhere, fairness round 62: `print("testing", "conv2d")`)
        uses: dict[str, int] = {}
        for n in reading.nodes:
            if id(n) in plain:
                continue
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load):
                uses[n.id] = uses.get(n.id, 0) + 1
            elif isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Load):
                uses[n.attr] = uses.get(n.attr, 0) + 1
        for text in texts:
            uses[text.value] = uses.get(text.value, 0) + 1
        index = reading.memo["call_index"] = {"by_name": by_name, "through": through, "aliases": aliases,
                                              "called": {id(c.func) for calls in by_name.values() for c in calls}
                                              | {id(c.func) for c in through}, "uses": uses, "decorated": decorated,
                                              "through_decorators": through_decorators, "taking": taking,
                                              "factory_decorated": factory_decorated}
    return index


def _what_calls_hand(reading: _Reading, function: ast.AST, depth: int) -> list[ast.AST]:
    """The values the calls of ``function`` hand it, as :func:`_handed_to_a_keeper` reads them: every argument of a
    call by its names (:func:`_names_of`), through a subscript or a ``partial``, and of its decorators' calls of the
    function they are given; ``depth``: callers' parameters climbed so far."""
    parents = _parents(reading)
    names = _names_of(reading, function)
    index = _call_index(reading)
    called = index["called"]
    # (`F.conv2d(...)` is no call of the submission's conv2d: a module's function is never one of its own)
    calls = [c for name in names for c in index["by_name"].get(name, ())
             if not (isinstance(c.func, ast.Attribute) and _base_name(c.func) in reading.imported)]
    for n in index["through"]:
        if isinstance(n.func, ast.Subscript) and any(isinstance(m, ast.Name) and m.id in names
                                                     for m in ast.walk(n.func)):
            calls.append(n)  # (`(_keep,)[0](F.conv2d)`)
        elif n.args and isinstance(n.args[0], ast.Name) and n.args[0].id in names:
            calls.append(n)  # (`functools.partial(_keep, F.conv2d)`: what it binds)
    # a bare decorator is handed the def or class it decorates (attack round 85: `@register` keeping a def that calls
    # F.conv2d in the table conv2d reads)
    decorated = [d for name in names for d in index["decorated"].get(name, ())] + _decorators_made(reading, function)
    # its decorators' calls of the function they are given (`f(x, k, 1, 0, _references())`: attack round 84)
    for decorator in getattr(function, "decorator_list", ()):
        head = decorator.func if isinstance(decorator, ast.Call) else decorator
        factory = _plain_module_def(reading, head.id) if isinstance(head, ast.Name) else None
        if factory is None:
            continue
        for inner in [factory] + [n for n in ast.walk(factory) if isinstance(n, ast.FunctionDef) and n is not factory]:
            positional = inner.args.posonlyargs + inner.args.args
            if positional:
                calls += [n for n in ast.walk(inner) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
                          and n.func.id == positional[0].arg]

    def scopes_around(call: ast.AST) -> list[ast.AST]:
        scopes, scope = [], parents.get(id(call))
        while scope is not None:
            if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                scopes.append(scope)
            scope = parents.get(id(scope))
        return scopes

    def handed_values(expressions: list[ast.AST], own: set[str]) -> list[ast.AST]:
        # functions and objects as handed, and the functions of the submission's whose results are handed; a
        # library function making an array, or a module-level array of numbers, hands no code
        values = []
        for argument in expressions:
            if _makes_data(reading, argument):
                continue  # (a tensor made by torch's functions: `conv2d(F.conv2d(x, box)[0, 0], k)`)
            for v in ast.walk(argument):
                if not isinstance(v, (ast.Name, ast.Attribute)) or not isinstance(v.ctx, ast.Load) \
                        or _root(v)[0] in own:
                    continue
                if id(v) in called and (
                        isinstance(v, ast.Attribute) and not BUILT_IN.search(v.attr) or isinstance(v, ast.Name)
                        and (v.id in CHECKING_BUILTINS and v.id not in reading.bindings or _holds_data(reading, v.id))
                        or (_resolved(reading, v) or "").split(".")[-1] in ARRAY_MAKERS):
                    continue
                if isinstance(v, ast.Name) and _holds_data(reading, v.id) or isinstance(v, ast.Attribute) and \
                        isinstance(v.value, ast.Name) and _holds_data(reading, v.value.id) and not BUILT_IN.search(v.attr):
                    continue
                values.append(v)
        return values

    handed: list[ast.AST] = list(decorated)
    for taker in [c for name in names for c in index["taking"].get(name, ())]:
        own = {name for scope in scopes_around(taker) for name in _function_locals(scope)[0]}
        handed += handed_values([a for a in [*taker.args, *(k.value for k in taker.keywords)]
                                 if not (isinstance(a, ast.Name) and a.id in names)], own)
    for call in calls:
        scopes = scopes_around(call)
        own = {name for scope in scopes for name in _function_locals(scope)[0]}
        arguments = [*call.args, *[k.value for k in call.keywords]]
        handed += handed_values(arguments, own)
        named = {n.id for argument in arguments for n in ast.walk(argument) if isinstance(n, ast.Name) and n.id in own}
        if not named or not scopes:
            continue
        caller = scopes[0]
        # a caller's own variable handed on: what the caller binds it to (`f = F.conv2d; _keep(f)`)
        if not isinstance(caller, ast.Lambda):
            values = [st.value for st in _walk_scope_body(caller) if isinstance(st, (ast.Assign, ast.AnnAssign))
                      and st.value is not None and any(isinstance(t, ast.Name) and t.id in named
                                                       for target in (st.targets if isinstance(st, ast.Assign)
                                                                      else [st.target]) for t in ast.walk(target))]
            handed += handed_values(values, own)
        # a caller's parameter handed on: what the caller's own calls hand it (`def _register(fn): _keep(fn)`)
        if depth < 4 and named & _parameter_names(caller):
            handed += _what_calls_hand(reading, caller, depth + 1)
    return handed


#: torch's and numpy's functions that make a new array of numbers: a name bound to what they return holds data.
ARRAY_MAKERS = frozenset({"randn", "rand", "randint", "zeros", "ones", "full", "empty", "tensor", "arange", "eye",
                          "linspace", "as_tensor", "from_numpy", "array", "asarray", "zeros_like", "ones_like",
                          "randn_like", "rand_like", "full_like", "normal", "uniform"})


def _holds_data(reading: _Reading, name: str) -> bool:
    """Whether the module-level ``name`` is bound only to numbers, texts or new arrays (``x, k = torch.randn(9, 9),
    torch.randn(3, 3)``): handed to a function that keeps its arguments, it hands it no code (fairness: a conv2d that
    logs its calls' sizes, called on such inputs)."""
    bindings = reading.bindings.get(name, [])
    if not bindings or name in reading.global_in_functions:
        return False

    def data(value: ast.AST) -> bool:
        return _makes_data(reading, value, name)

    for binding, _ in bindings:
        if not isinstance(binding, ast.Assign) or len(binding.targets) != 1:
            return False
        target, value = binding.targets[0], binding.value
        if isinstance(target, ast.Name):
            if not data(value):
                return False
        elif isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple) and len(target.elts) == len(value.elts):
            if not all(data(v) for t, v in zip(target.elts, value.elts) if isinstance(t, ast.Name) and t.id == name):
                return False
        else:
            return False
    return True


def _makes_data(reading: _Reading, value: ast.AST, name: str = "") -> bool:
    """Whether ``value`` makes numbers, texts or arrays: constants, what torch's or numpy's public functions return
    (a tensor: `F.conv2d(img[None, None], box)[0, 0]`, `torch.arange(25.0).view(5, 5)`), indexed, sliced, combined or
    converted by their methods, and names bound only to such (not ``name``, being decided)."""
    if isinstance(value, ast.Constant):
        return True
    if isinstance(value, (ast.Tuple, ast.List)):
        return all(_makes_data(reading, v, name) for v in value.elts)
    if isinstance(value, (ast.BinOp, ast.UnaryOp)):
        return all(_makes_data(reading, v, name) for v in ast.iter_child_nodes(value) if isinstance(v, ast.expr))
    if isinstance(value, ast.Subscript):
        return _makes_data(reading, value.value, name)
    if isinstance(value, ast.Name):
        return value.id != name and _holds_data(reading, value.id)
    if isinstance(value, ast.Call):
        arguments = [a.value if isinstance(a, ast.Starred) else a for a in value.args] + [k.value for k in value.keywords]
        if isinstance(value.func, ast.Attribute) and not value.func.attr.startswith("_") \
                and _makes_data(reading, value.func.value, name):
            return all(_makes_data(reading, a, name) or isinstance(a, ast.Name) for a in arguments)  # (`x.view(5, 5)`)
        resolved = (_resolved(reading, value.func) or "").split(".")
        return resolved[0] in ("torch", "numpy") and _a_library_function(reading, value.func) and all(
            _makes_data(reading, a, name) or isinstance(a, ast.Name) and a.id != name
            and (a.id in reading.bindings and _holds_data(reading, a.id)) for a in arguments)
    return False


#: Most top-level statements the reader reads one function's code as run at (:func:`_reachable_builtins`); past
#: them, what it reads counts with every binding.
MAX_RUNS_AT = 8


def _run_later(reading: _Reading, node: ast.AST) -> set[int]:
    """The ids of the nodes of ``node`` that do not run when it runs: those in the body of a function in it (or of
    ``node`` itself, a def), not its decorators, defaults or annotations, nor a lambda's body (memoised per node)."""
    memo = reading.memo.setdefault("run_later", {})
    later = memo.get(id(node))
    if later is None:
        later = memo[id(node)] = set()
        stack = [(node, False)]
        while stack:
            current, deferred = stack.pop()
            if deferred:
                later.add(id(current))
            if isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef)):
                stack += [(child, deferred or any(child is b for b in current.body))
                          for child in ast.iter_child_nodes(current)]
            else:
                # (a lambda's body is read as running where the lambda is made too: one called there at once,
                # through `map`, a table or a subscript, runs then, attack round 83; one kept for later is read with
                # its names' bindings there besides every later one, which only adds to what is read)
                stack += [(child, deferred) for child in ast.iter_child_nodes(current)]
    return later


def _stored_parts(change: ast.AST) -> list[ast.AST]:
    """What a change stores: an assignment's value and its targets' keys, a call's arguments."""
    if isinstance(change, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
        targets = change.targets if isinstance(change, ast.Assign) else [change.target]
        return [change.value] * (change.value is not None) + [
            t.slice for target in targets for t in ast.walk(target) if isinstance(t, ast.Subscript)]
    if isinstance(change, ast.Call):
        return [*change.args, *(k.value for k in change.keywords)]
    return [change]


def _makes_data_of(reading: _Reading, parent: ast.AST, child: ast.AST) -> bool:
    """Whether ``parent`` makes data of ``child``: a tensor's attribute (:data:`DATA_ATTRIBUTES`, where no class of
    the submission defines that name: `image.shape`), a function's text (``fn.__name__``: a timing decorator's table,
    fairness round 33), or a number or text a built-in (:data:`DATA_BUILTINS`) or a library function makes of it."""
    if isinstance(parent, ast.Attribute):
        return parent.attr in FUNCTION_TEXTS or parent.attr in DATA_ATTRIBUTES \
            and parent.attr not in _own_member_names(reading)
    return isinstance(parent, ast.Call) and child is not parent.func and (
        isinstance(parent.func, ast.Name) and parent.func.id in DATA_BUILTINS and parent.func.id not in reading.bindings
        or _a_library_function(reading, parent.func))


def _stored_as_handed(reading: _Reading, name: ast.Name, part: ast.AST) -> bool:
    """Whether ``name``, inside the stored ``part``, is stored as it was handed (alone, in a display, an attribute
    or element of it), not as data made of it: arithmetic, a text, a tensor's attribute (:data:`DATA_ATTRIBUTES`),
    a number a built-in or a library function makes."""
    parents = _parents(reading)
    child, parent = name, parents.get(id(name))
    while child is not part and parent is not None:
        if isinstance(parent, (ast.BinOp, ast.UnaryOp, ast.Compare, ast.JoinedStr, ast.FormattedValue)) \
                or _makes_data_of(reading, parent, child):
            return False
        child, parent = parent, parents.get(id(parent))
    return True


def _callbacks_storing(reading: _Reading, changes: list[ast.AST]) -> list[ast.AST]:
    """The statements that hand a function of the submission to a call (``map(keep, [...])``, ``sorted(..., key=keep)``,
    ``logger.addFilter(keep)``) when one of ``changes`` stores one of its parameters: what such a callback is given,
    the call it is handed to gives it, out of the reader's sight, and what it stores may be anything those statements
    hold.  Followed through the functions and lambdas that call it with their own parameters (``lambda r: keep(r)``
    handed to ``addFilter``).  (Attack rounds 53 to 55: ``def keep(parts): kept.append(parts)`` handed to ``map`` with
    torch's convolution in the list, read by conv2d as ``kept[0][0]``.)"""
    found: list[ast.AST] = []
    # (a parameter stored as it was handed, not a number made of it: fairness round 48's memo of output sizes,
    # `_OUT_SIZES[key] = (n + 2 * padding - k) // stride + 1`, made conv2d a callback of every self-check)
    todo = [function for change in changes if not _sets_a_setting(reading, change)
            for part in _stored_parts(change) for sub in ast.walk(part)
            if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Load)
            and (function := _function_binding(reading, sub)) is not None and sub.id in _parameter_names(function)
            and _stored_as_handed(reading, sub, part)]
    seen: set[int] = set()
    while todo and len(seen) < MAX_ALIAS_ROUNDS:
        function = todo.pop()
        if id(function) in seen:
            continue
        seen.add(id(function))
        if _a_filter(reading, function):
            # a logging filter is given the record of every message logged: what each logging call hands on, a
            # logging method called through another name too (`warn = log.warning`)
            found += [_top_statement(reading, call) for call in reading.nodes if isinstance(call, ast.Call) and (
                isinstance(call.func, ast.Attribute) and call.func.attr in LOGGING_METHODS
                or isinstance(call.func, ast.Name) and any(
                    isinstance(b, ast.Assign) and isinstance(b.value, ast.Attribute) and b.value.attr in LOGGING_METHODS
                    for b, _ in reading.bindings.get(call.func.id, [])))]
        if isinstance(function, ast.Lambda):
            found.append(_top_statement(reading, function))  # with whatever the lambda is handed to
            continue
        found += reading.passed.get(function.name, [])
        for call in reading.nodes:
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == function.name):
                continue
            caller = _functions_of_nodes(reading).get(id(call))
            given = {n.id for argument in [*call.args, *(k.value for k in call.keywords)] for n in ast.walk(argument)
                     if isinstance(n, ast.Name)}
            if caller is not None and given & _parameter_names(caller):
                todo.append(caller)
    return found


#: Methods that add to a list or a deque and return nothing of what it holds, running no code of what they add.
ADDING_METHODS = frozenset({"append", "appendleft"})
#: Those that hash, compare or add what they are given (a set's, a dict's, a Counter's): write-only only where no
#: class of the submission's defines what they would run (attack round 58: an added object's ``__eq__`` was handed
#: the key a callback had stored).
HASHING_ADDS = frozenset({"add", "update"})
ADDING_DUNDERS = frozenset({"__eq__", "__ne__", "__hash__", "__add__", "__radd__", "__iadd__", "__or__", "__ror__",
                            "__ior__", "__missing__"})
#: What makes a plain container (``CALL_LOG = []``, ``SIZES = set()``, ``collections.deque(maxlen=8)``).
PLAIN_CONTAINERS = frozenset({"list", "set", "dict", "collections.deque", "collections.OrderedDict",
                              "collections.Counter", "collections.defaultdict"})


def _only_added_to(reading: _Reading, name: ast.Name) -> str | None:
    """``CALL_LOG.append((x.shape, k.shape))`` as a statement of its own (``"adds"``), or ``SIZES.add(k)``,
    ``SIZES[k] = v`` (``"hashes"``: what it adds is hashed and compared), where every binding of the name makes a
    plain container: the code adds to it and reads nothing out of it (fairness round 45: conv2d logging its own
    arguments made conv2d a callback, and every self-check handing conv2d on its code).  None: a read."""
    parents = _parents(reading)
    parent = parents.get(id(name))
    hashing = isinstance(parent, ast.Subscript) or getattr(parent, "attr", None) in HASHING_ADDS
    if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name) and parent.func.id == "len" \
            and parent.args == [name] and "len" not in reading.bindings:
        pass  # `len(REGISTRY)`: its size, none of what it holds (fairness round 62)
    elif isinstance(parent, ast.Compare) and name in parent.comparators and all(
            isinstance(op, (ast.In, ast.NotIn)) for op in parent.ops) and not _own_member_names(reading) & ADDING_DUNDERS:
        hashing = True  # `key in REGISTRY`: compared with what it holds, as a set's add does (fairness round 62; an
        # element's own __eq__ runs there: attack round 89)
    elif isinstance(parent, ast.Subscript) and isinstance(parent.ctx, ast.Load) \
            and getattr(parents.get(id(parent)), "attr", None) in FUNCTION_TEXTS \
            and not _own_member_names(reading) & FUNCTION_TEXTS:
        pass  # `REGISTRY[name].__name__`: a text of what it holds (fairness round 62's duplicate check), unless a
        # class of the submission's makes that text a property (attack round 89)
    elif isinstance(parent, ast.Attribute) and parent.attr in ADDING_METHODS | HASHING_ADDS:
        call = parents.get(id(parent))
        if not (isinstance(call, ast.Call) and call.func is parent and isinstance(parents.get(id(call)), ast.Expr)):
            return None
    elif not (isinstance(parent, ast.Subscript) and isinstance(parent.ctx, ast.Store)
              and isinstance(parents.get(id(parent)), ast.Assign)):
        return None
    bindings = reading.bindings.get(name.id, [])
    plain = bool(bindings) and name.id not in reading.global_in_functions and all(  # (`REGISTRY: list = []` too:
        isinstance(b, (ast.Assign, ast.AnnAssign)) and b.value is not None  # fairness round 64, q6 -2)
        and _makes_plain_container(reading, b.value) for b, _ in bindings)
    return None if not plain else "hashes" if hashing else "adds"


def _reached_adding_dunders(reading: _Reading, reached: set[int]) -> bool:
    """Whether the code reached holds a class of the submission's that defines what hashing, comparing or adding
    runs (:data:`ADDING_DUNDERS`): only such an object, added to a set or a dict, is handed what the container holds
    (attack round 58); a class the code asked about never reaches makes no instance it adds (fairness round 46: a
    Shape with ``__eq__`` checking q3's answers cost conv2d's set of seen sizes 2 points)."""
    if any(isinstance(n, ast.Call) and (_resolved(reading, n.func) or "") in COMPARING_WRAPPERS for n in reading.nodes):
        return True  # (`functools.cmp_to_key(_cmp)`: `in` runs `_cmp`, attack round 90)
    return any(isinstance(n, ast.ClassDef) and (id(n) in reached or any(id(m) in reached for m in n.body)) and any(
        isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Assign)) and (
            getattr(m, "name", None) in ADDING_DUNDERS
            or any(isinstance(t, ast.Name) and t.id in ADDING_DUNDERS for t in getattr(m, "targets", [])))
        for m in n.body) for n in reading.nodes)


def _makes_plain_container(reading: _Reading, value: ast.expr) -> bool:
    if isinstance(value, (ast.List, ast.Set, ast.Dict)):
        return not any(isinstance(n, (ast.Call, ast.Lambda, ast.NamedExpr)) for n in ast.walk(value))
    if not isinstance(value, ast.Call) or any(isinstance(n, ast.Lambda) for n in ast.walk(value)):
        return False
    name = value.func.id if isinstance(value.func, ast.Name) and value.func.id not in reading.bindings \
        else _resolved(reading, value.func)
    return name in PLAIN_CONTAINERS and all(_constant_data(a) or (isinstance(a, ast.Name) and a.id in ("list", "int"))
                                            for a in [*value.args, *(k.value for k in value.keywords)])


def _parents(reading: _Reading) -> dict[int, ast.AST]:
    """Each node's parent (memoised per reading)."""
    parents = reading.memo.get("parents")
    if parents is None and not reading.nodes:
        return {}  # (not kept: asked before the reading holds its nodes, it would stay empty for good)
    if parents is None:
        parents = reading.memo["parents"] = {id(child): parent for parent in reading.nodes
                                             for child in ast.iter_child_nodes(parent)}
    return parents


def _sets_a_setting(reading: _Reading, change: ast.AST) -> bool:
    """``torch.backends.cudnn.deterministic = deterministic``: an assignment to a library's setting (an attribute of
    :data:`SETTABLE_MODULE_ATTRIBUTES` whose value, where the judge runs, is a bool, a number or text), which its
    setter turns into that plain value or refuses: it keeps no function of the submission's (fairness round 45: a
    ``set_seed(seed, deterministic)`` helper made every statement handing on a function that calls it conv2d's
    code, and conv2d reads ``torch``)."""
    import importlib
    import types

    if isinstance(change, ast.Delete) and all(
            isinstance(t, ast.Subscript) and _resolved(reading, t.value) == "os.environ" for t in change.targets):
        return True  # a variable taken out stores nothing (fairness round 48: a flag's context manager restoring)
    if isinstance(change, (ast.Expr, ast.Assign)) and isinstance(change.value, ast.Call) \
            and isinstance(change.value.func, ast.Attribute) and change.value.func.attr in ENVIRONMENT_METHODS \
            and _resolved(reading, change.value.func.value) == "os.environ" \
            and all(isinstance(t, ast.Name) for t in getattr(change, "targets", [])) \
            and not change.value.keywords and all(_plain_data(a) for a in change.value.args[1:]):
        # os.environ.pop(name, None), setdefault: text in, text out (a default given is a constant: `get(k, obj)`
        # hands obj back)
        return True
    if not isinstance(change, ast.Assign):
        return False
    if all(isinstance(t, ast.Subscript) and _resolved(reading, t.value) == "os.environ" for t in change.targets):
        return True  # os.environ holds text only (it refuses anything else): fairness round 46's CONV_DEBUG flag
    if not all(isinstance(t, ast.Attribute) for t in change.targets):
        return False
    for target in change.targets:
        full = _resolved(reading, target)
        if full is None or not SETTABLE_MODULE_ATTRIBUTES.match(full.replace("numpy.", "np.", 1)):
            return False
        *path, name = full.split(".")
        if name.startswith("_") or not path:
            return False
        try:
            owner = importlib.import_module(path[0])
            for part in path[1:]:
                owner = getattr(owner, part)
            value = getattr(owner, name)
        except Exception:  # noqa: BLE001 - not a name the library has: no setting of it
            return False
        # set through a property of its class or a __setattr__ of its own, which check the value (a plain module
        # attribute, `torch.backends.mps.TYPE_CHECKING`, would keep anything: attack round 58)
        kind = type(owner)
        descriptor = next((vars(k)[name] for k in kind.__mro__ if name in vars(k)), None)
        if not (hasattr(descriptor, "__set__") or kind.__setattr__ not in (object.__setattr__,
                                                                            types.ModuleType.__setattr__)):
            return False
        if not isinstance(value, (bool, int, float, str)):
            return False
    return True


#: os.environ's methods that take text out or put text in: the mapping refuses anything else.
ENVIRONMENT_METHODS = frozenset({"pop", "setdefault", "get", "clear"})
#: The methods logging calls on objects of the submission's with a record or a message: a filter's, a handler's, a
#: formatter's, a logger adapter's.
LOGGING_PROTOCOL = frozenset({"filter", "emit", "handle", "format", "process", "makeRecord"})


def _a_filter(reading: _Reading, function: ast.AST) -> bool:
    """Whether logging may hand ``function`` (a def or a lambda) a record or a message: it is handed to an
    ``addFilter`` call (of a logger or a handler), or any ``addFilter`` is handed something else than a function's
    own name or a lambda (an alias, an object: attack round 58), or it is a method logging calls
    (:data:`LOGGING_PROTOCOL`: a ``logging.Filter`` subclass's ``filter``, a ``LoggerAdapter``'s ``process``)."""
    if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) and function.name in LOGGING_PROTOCOL and any(
            isinstance(n, ast.ClassDef) and function in n.body for n in reading.nodes):
        return True
    for call in reading.nodes:
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "addFilter":
            for argument in call.args:
                if argument is function or (isinstance(argument, ast.Name) and not isinstance(function, ast.Lambda)
                                            and argument.id == function.name):
                    return True
                if not (isinstance(argument, ast.Lambda) or isinstance(argument, ast.Name) and all(
                        isinstance(b, ast.FunctionDef) for b, _ in reading.bindings.get(argument.id, [(None, 0)]))):
                    return True
    return False


def _parameter_names(function: ast.AST) -> set[str]:
    """The names a function or lambda binds as its parameters."""
    arguments = function.args
    return {a.arg for a in arguments.posonlyargs + arguments.args + arguments.kwonlyargs} | {
        a.arg for a in (arguments.vararg, arguments.kwarg) if a is not None}


def _top_statement(reading: _Reading, node: ast.AST) -> ast.AST:
    """The statement of a unit's top level that holds ``node``."""
    parents = _parents(reading)
    while not isinstance(parents.get(id(node)), (ast.Module, type(None))):
        node = parents[id(node)]
    return node


def _calls_given(reading: _Reading, name: str) -> list[ast.AST]:
    """The calls given the object bound to ``name``, when it is an object whose attributes can be set by
    a call (an instance, a class, a container), not a function or a module of its own (which only
    dunders, read as unverifiable, or assignments, read as mutations, can change)."""
    bindings = _bindings_in_force(reading, name)
    if name in reading.imported or not bindings or all(  # a module, or an alias of one (F = torch.nn.functional)
            isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef)) and not _decorated_into_an_object(reading, b)
            or isinstance(b, (ast.Import, ast.ImportFrom))
            or _labels_a_function(reading, b, name) for b in bindings):
        return []
    if name not in reading.global_in_functions and all(_makes_plain_data(reading, b) or _makes_immutable(reading, b)
                                                       for b in bindings) or _a_table_of_constants(reading, name):
        # CFG = Config(), device = torch.device("cpu"): a call handed it cannot change what it holds (fairness round
        # 55: conv2d's `image.to(device)` read as reaching the CNN a later `CNN().to(device)` built, q6 -3)
        return []
    calls = reading.passed.get(name, []) + _handed_as_a_calls_result(reading).get(name, []) + [
        statement for statement, readers in reading.shown.get(name, ())
        if not all(_unshadowed(reading, r) for r in readers)] \
        + _call_index(reading)["through_decorators"].get(name, []) + (
            reading.passed_to_instances.get(name, []) if any(isinstance(b, ast.ClassDef) for b in bindings) else [])
    calls = [narrowed for c in calls for narrowed in _calls_that_may_keep(reading, c, name)]
    if calls and _a_logger(reading, name):
        # a logger's records are formatted and written by logging's own handlers, never kept in the logger:
        # `log.info("model: %s", model)` hands the logger nothing that `log.debug(...)` in conv2d reaches (fairness
        # round 41: conv2d read as reaching the model a later line logged, -2)
        calls = [c for c in calls if not (isinstance(c, ast.Call) and isinstance(c.func, ast.Attribute)
                                          and isinstance(c.func.value, ast.Name) and c.func.value.id == name
                                          and c.func.attr in LOGGING_METHODS)
                 and not _wraps_the_logger(reading, c, name)]
    return calls


def _handed_as_a_calls_result(reading: _Reading) -> dict[str, list[ast.AST]]:
    """Name -> the calls handed what another call of the submission's may hand back of that name's object
    (``_put(grab(), F.conv2d)`` with ``def grab(c=_B): return c``: the object a default or a global the inner call
    returns, which nothing binds to a name of its own; a hole found probing tables on 2026-12-03).  Memoised."""
    found = reading.memo.get("handed_as_a_calls_result")
    if found is not None:
        return found
    found = reading.memo["handed_as_a_calls_result"] = {}
    own = {name for name, bindings in reading.bindings.items()
           if any(isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) or
                  isinstance(b, ast.Assign) and isinstance(b.value, ast.Lambda) for b, _ in bindings)}
    if not own:
        return found
    for statement in reading.nodes:
        if not isinstance(statement, ast.stmt) or isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                                          ast.ClassDef)):
            continue
        for part in _statement_expressions(statement):
            for call in _walk_scope(part):
                if not isinstance(call, ast.Call):
                    continue
                if _keeps_nothing_it_is_handed(reading, call):
                    continue  # (`F.conv2d(x, k, stride=setting("stride"))`: torch keeps nothing it is handed)
                for piece in [*call.args, *(k.value for k in call.keywords)]:
                    inner = piece.value if isinstance(piece, ast.Starred) else piece
                    base = inner  # (or a part of what it hands back: `_H().box`, a property's; `grab()[0]`)
                    while isinstance(base, (ast.Attribute, ast.Subscript)):
                        base = base.value
                    if isinstance(base, ast.Call) and any(
                            isinstance(n, ast.Name) and n.id in own for n in ast.walk(base.func)):
                        for name in _handed_through(reading, inner):
                            if name != ELEMENT and call not in found.setdefault(name, []):
                                found[name].append(call)  # (the call handed it, read alone)
    return found


def _keeps_nothing_it_is_handed(reading: _Reading, call: ast.Call) -> bool:
    """``call`` calls a function of torch's (``torch.allclose``, ``F.conv2d``, ``torch.testing.assert_close``), a
    showing built-in or a reading one (:data:`READING_BUILTINS`) the submission does not rebind: it stores nothing in
    what it is handed (a tensor's values it may change; no code)."""
    if _a_showing_builtin(call) is not None:
        return _shown_by_a_builtin(reading, call)
    if isinstance(call.func, ast.Name) and call.func.id in READING_BUILTINS and not call.keywords and not any(
            isinstance(n, (ast.Starred, ast.Call, ast.Lambda, ast.NamedExpr)) for a in call.args for n in ast.walk(a)):
        # (of names and their parts only: `list(itertools.starmap(_put, _JOBS))` reads what a keeper returns, and
        # the statement is read whole, attack round 88; and a result not taken apart there: `list(SLOTS)[0].keep(f)`
        # changes an element of SLOTS through it, a probe of this rule on 2026-12-03)
        parent = _parents(reading).get(id(call))
        return _unshadowed(reading, call.func.id) and not isinstance(
            parent, (ast.Attribute, ast.Subscript, ast.Starred, ast.comprehension, ast.For, ast.AsyncFor, ast.With,
                     ast.withitem))
    if not _bound_by_imports_only(reading, call.func):
        return False  # (a name bound otherwise too: `torch = Keeper()`, `def allclose(box, f): ...`)
    resolved = _resolved(reading, call.func) or ""
    parts = resolved.split(".")
    return parts[0] == "torch" and (len(parts) == 2 or resolved.startswith(("torch.nn.functional.", "torch.testing.")))


def _bound_by_imports_only(reading: _Reading, func: ast.AST) -> bool:
    """The name ``func`` is spelled from (``torch`` of ``torch.allclose``) is bound by imports alone, never
    otherwise by the submission (``torch = Keeper()``, ``def allclose(box, f): ...``)."""
    root = _plain_base(func)
    return isinstance(root, ast.Name) and root.id not in reading.global_in_functions and bool(
        reading.bindings.get(root.id)) and all(isinstance(b, (ast.Import, ast.ImportFrom))
                                               for b, _ in reading.bindings[root.id]) \
        and root.id not in _bound_in_a_scope(reading)  # (`def _fill(torch, box)`: a parameter named torch)


def _shown_by_a_builtin(reading: _Reading, call: ast.Call) -> bool:
    """``call`` is a showing built-in's (:func:`_a_showing_builtin`) that the submission does not rebind (``def
    print(box, f): box.append(f)`` keeps what it is handed), at module level or in any scope."""
    return _a_showing_builtin(call) is not None and _unshadowed(reading, call.func.id)


def _bound_in_a_scope(reading: _Reading) -> frozenset[str]:
    """Every name the submission binds otherwise than by a module-level import or assignment: a parameter (of a def
    or a lambda), a local, a loop's, ``with``'s, comprehension's, ``except``'s or ``match``'s name, a class body's, a
    local import (attack round 95: `def _fill(torch, box): torch.allclose(box, F.conv2d)` with a keeper for
    ``torch``, a local `print` or `len`, read as torch's and Python's own).  Memoised."""
    found = reading.memo.get("bound_in_a_scope")
    if found is None:
        names: set[str] = set()
        for n in reading.nodes:
            # the scopes inside the module: a def's or a lambda's parameters and body, a class's body, a
            # comprehension's targets (and every `except`/`match` name, wherever it stands)
            parts = [n.args, *n.body] if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) else [n.args] \
                if isinstance(n, ast.Lambda) else n.body if isinstance(n, ast.ClassDef) else [n.target] \
                if isinstance(n, ast.comprehension) else []
            for part in parts:
                names |= _names_bound_or_read(list(ast.walk(part)), bound=True)
            if isinstance(n, (ast.ExceptHandler, ast.MatchAs, ast.MatchStar, ast.MatchMapping)):
                names |= _names_bound_or_read([n], bound=True)
        found = reading.memo["bound_in_a_scope"] = frozenset(names)
    return found


def _unshadowed(reading: _Reading, name: str) -> bool:
    """``name`` is a built-in's the submission binds nowhere (:func:`_bound_in_a_scope`), module level included."""
    return name not in reading.bindings and name not in _bound_in_a_scope(reading)


def _calls_that_may_keep(reading: _Reading, statement: ast.AST, name: str) -> list[ast.AST]:
    """What of ``statement``, recorded as handing ``name`` to a call (:func:`_record_calls_given`), may put something
    in its object: the statement, or, when some of the calls that are handed it keep nothing (a self-check's
    ``F.conv2d(x[None, None], k)``, ``torch.allclose``), only the others, each a call of a plain name or attribute:
    what those keep comes from their own arguments (fairness: `print(torch.allclose(ops.conv(x, k), F.conv2d(x...)))`
    read the self-check's F.conv2d as code of ``x``, which ``ops.conv`` is handed); nothing when none may."""
    if not isinstance(statement, ast.stmt):
        return [statement]
    parents = _parents(reading)

    def handed(part: ast.AST, call: ast.Call) -> set[str]:
        # as _record_calls_given reads it: a comprehension's variable hands on what its iterable holds
        names = {n.id for piece in [*call.args, *(k.value for k in call.keywords)] for n in _values_in(piece)}
        return names | {n.id for g in _comprehensions_around(part, call) for n in _values_in(g.iter)
                        if _comprehension_targets_of(g) & names}

    handing = [call for part in _statement_expressions(statement) for call in ast.walk(part)
               if isinstance(call, ast.Call) and name in handed(part, call)]
    keeping = [call for call in handing if not _keeps_nothing_it_is_handed(reading, call)
               and not _reads_only_constant_items(reading, parents, call, name)
               and not _keeps_nothing_of_its_arguments(reading, call, name)]
    if not handing or len(keeping) == len(handing):
        return [statement]
    if any(not isinstance(_plain_base(call.func), ast.Name)
           or isinstance(parent := parents.get(id(call)), ast.Call) and parent.func is call for call in keeping):
        return [statement]  # (`partial(put, box)("f", g)`: the outer call hands what the inner one binds)
    return keeping


def _keeps_nothing_of_its_arguments(reading: _Reading, call: ast.Call, name: str) -> bool:
    """``call`` calls a plain def of the submission's (one binding, no decorator, no ``*args``/``**kwargs``) and
    hands it ``name`` only as whole arguments bound to parameters it keeps nothing of (:func:`_keeps_nothing_of`):
    ``def try_pad(pad): x = pad(torch.ones(3, 3), 1); return torch.allclose(conv2d(x, k), _torch_conv(x, k))``
    handed each padder of the table conv2d dispatches on (R7 of fairness round 66; the author's probes of
    2026-12-03 handed a row of conv2d's call history the same way)."""
    if not isinstance(call.func, ast.Name) or len(bindings := reading.bindings.get(call.func.id, [])) != 1:
        return False
    function = bindings[0][0]
    if not isinstance(function, ast.FunctionDef) or function.decorator_list or function.args.vararg \
            or function.args.kwarg or call.func.id in reading.global_in_functions:
        return False
    parameters = _parameters_given(call, function, name)
    return bool(parameters) and all(_keeps_nothing_of(reading, function, p) for p in parameters)


def _parameters_given(call: ast.Call, function: ast.FunctionDef, name: str, offset: int = 0) -> list[str]:
    """The parameters of ``function`` (past its first ``offset``: a method's ``self``) that ``call`` binds to the
    object of ``name``; none when it hands that object otherwise than as a whole argument (a part of it, ``*args``)."""
    positional = [a.arg for a in function.args.posonlyargs + function.args.args][offset:]
    named = {a.arg for a in function.args.args[offset:] + function.args.kwonlyargs}
    parameters = []
    for i, argument in enumerate(call.args):
        if any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(argument)):
            if not (isinstance(argument, ast.Name) and i < len(positional)):
                return []
            parameters.append(positional[i])
    for keyword in call.keywords:
        if any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(keyword.value)):
            if not (isinstance(keyword.value, ast.Name) and keyword.arg in named):
                return []
            parameters.append(keyword.arg)
    return parameters


def _keeps_nothing_of(reading: _Reading, function: ast.FunctionDef, parameter: str) -> bool:
    """Every use of ``function``'s ``parameter`` (or of an item or attribute of it) is read in its own body, never
    rebound, captured by a nested scope, stored or handed to code that may keep: an argument of a call that keeps
    nothing (torch's functions, showing and reading built-ins), a call of it given constants and fresh tensors
    only, an f-string's value, or an identity test.  Memoised."""
    memo = reading.memo.setdefault("keeps_nothing_of", {})
    key = (id(function), parameter)
    if key in memo:
        return memo[key]
    memo[key] = False
    parents = _parents(reading)
    for n in ast.walk(function):
        if not (isinstance(n, ast.Name) and n.id == parameter):
            continue
        if not isinstance(n.ctx, ast.Load):
            return False  # (rebound: another object under the name)
        node = n
        while (node := parents.get(id(node))) is not function:
            if node is None or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)) \
                    or isinstance(node, ast.arguments):
                return False  # (captured by a nested scope, or a default of the def's own)
        use, parent = n, parents.get(id(n))
        if isinstance(parent, (ast.Subscript, ast.Attribute)) and parent.value is n \
                and isinstance(parent.ctx, ast.Load):
            use, parent = parent, parents.get(id(parent))  # (`row['shape']`, `pad.__name__`)
        if isinstance(parent, ast.Starred):
            use, parent = parent, parents.get(id(parent))
        if isinstance(parent, ast.keyword):
            use, parent = parent.value, parents.get(id(parent))
        if isinstance(parent, ast.Call) and parent.func is n:
            if all(_fresh_or_constant(reading, a) for a in [*parent.args, *(k.value for k in parent.keywords)]):
                continue  # (`pad(torch.ones(3, 3), 1)`)
            return False
        if isinstance(parent, ast.Call) and parent.func is not use and _keeps_nothing_it_is_handed(reading, parent):
            continue
        if isinstance(parent, ast.FormattedValue) or isinstance(parent, ast.Compare) and use is n and all(
                isinstance(op, (ast.Is, ast.IsNot)) for op in parent.ops):
            continue
        return False
    memo[key] = True
    return True


def _fresh_or_constant(reading: _Reading, value: ast.AST) -> bool:
    """A constant, or what a function of torch's makes of constants (``torch.ones(3, 3)``): nothing of the
    submission's."""
    if isinstance(value, ast.Constant) or isinstance(value, ast.UnaryOp) and isinstance(value.operand, ast.Constant):
        return True
    return isinstance(value, ast.Call) and _bound_by_imports_only(reading, value.func) \
        and (_resolved(reading, value.func) or "").split(".")[0] == "torch" \
        and all(_fresh_or_constant(reading, a) for a in [*value.args, *(k.value for k in value.keywords)])


def _reads_only_constant_items(reading: _Reading, parents: dict, call: ast.Call, table: str) -> bool:
    """:func:`_its_parameters_read_only_constant_items`, of a table nothing changes through another name."""
    return _its_parameters_read_only_constant_items(reading, parents, call, table) \
        and _a_table_nothing_changes(reading, table)


def _its_parameters_read_only_constant_items(reading: _Reading, parents: dict, call: ast.Call, table: str) -> bool:
    """``call`` hands the module-level dict display ``table`` whole, and only, to parameters of a def of the
    submission's (or of a class's ``__init__``) that read nothing of it but its constant items (``def compare(config,
    ...): s, p = config["stride"], config["padding"]``, ``ConfiguredCNN(DEFAULTS)`` building a layer of
    ``cfg["kernel"]``): the call keeps nothing of the table (fairness round 65: a config handed to a self-check's
    helper or a model made the helper's F.conv2d conv2d's code)."""
    if not isinstance(call.func, ast.Name) or len(bindings := reading.bindings.get(call.func.id, [])) != 1:
        return False
    bound, offset = bindings[0][0], 0
    if isinstance(bound, ast.ClassDef):
        members = {m.name: m for m in bound.body if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef))}
        if bound.keywords or bound.decorator_list or "__new__" in members or "__init__" not in members or not all(
                (_resolved(reading, base) or "").startswith("torch.") for base in bound.bases):
            return False  # (a metaclass, a decorator, a __new__ or a base of the submission's may take it too)
        bound, offset = members["__init__"], 1
    if not isinstance(bound, ast.FunctionDef) or bound.decorator_list or bound.args.vararg or bound.args.kwarg:
        return False
    parameters = _parameters_given(call, bound, table, offset)
    constants, others = _constant_keys(reading, table)
    if not parameters or None in others or reading.mutations.get(table) or table in reading.global_in_functions:
        return False
    constants -= others
    return all(isinstance(parent := parents.get(id(n)), ast.Subscript) and parent.value is n
               and isinstance(parent.ctx, ast.Load) and isinstance(parent.slice, ast.Constant)
               and parent.slice.value in constants
               for n in ast.walk(bound) if isinstance(n, ast.Name) and n.id in parameters)


#: Decorators that turn a def into an object with methods that change it (``@singledispatch`` then ``f.register``).
REGISTERING_DECORATORS = frozenset({"functools.singledispatch", "functools.singledispatchmethod"})


def _decorated_into_an_object(reading: _Reading, function: ast.AST) -> bool:
    """Whether a decorator makes ``function``'s name an object a call can change: ``functools.singledispatch``, or
    a class of the submission's (attack round 85: ``f.register(torch.Tensor, F.conv2d)``, ``f.use(F.conv2d)``)."""
    for decorator in function.decorator_list:
        head = decorator.func if isinstance(decorator, ast.Call) else decorator
        if _resolved(reading, head) in REGISTERING_DECORATORS or isinstance(head, ast.Name) and any(
                isinstance(b, ast.ClassDef) for b, _ in reading.bindings.get(head.id, [])):
            return True
        # a decorator of the submission's that hands back a module's object instead (`def _deco(f): return _B`:
        # attack round 93)
        if isinstance(head, ast.Name) and any(
                name in reading.bindings and not all(isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                                    ast.ClassDef, ast.Import, ast.ImportFrom))
                                                     for b, _ in reading.bindings[name])
                for name in _handed_through(reading, ast.Call(func=head, args=[], keywords=[]))):
            return True
    return False


def _labels_a_function(reading: _Reading, statement: ast.AST, name: str) -> bool:
    """``conv2d.__doc__ = "..."`` (or ``__name__``/``__qualname__``) on a name bound to defs alone: the function's
    text, which no call handed the function reads otherwise than as text (fairness round 59: ``help(conv2d)`` after it
    was read as a call that could change the function, -2)."""
    return isinstance(statement, ast.Assign) and _a_text(reading, statement.value) and all(
            isinstance(t, ast.Attribute) and t.attr in LABEL_ATTRIBUTES
            and isinstance(t.value, ast.Name) and t.value.id == name for t in statement.targets) \
        and all(isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Assign)) for b, _ in
                reading.bindings.get(name, [])) and any(
            isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef)) for b, _ in reading.bindings.get(name, []))


def _wraps_the_logger(reading: _Reading, statement: ast.AST, name: str) -> bool:
    """``EpochAdapter(log, {"epoch": e}).info("loss %.4f", train(model))``: a statement whose only use of the logger is
    to wrap it in a ``logging.LoggerAdapter`` (the standard one, or a class of the submission's deriving from it with no
    ``__init__`` of its own), which keeps the logger and changes nothing of it; what the adapter is then told to log
    is a logging call's (fairness round 46: a training loop's adapter made the model conv2d's code, -2)."""
    uses = [n for n in ast.walk(statement) if isinstance(n, ast.Name) and n.id == name]
    for call in ast.walk(statement):
        if not (isinstance(call, ast.Call) and call.args and isinstance(call.args[0], ast.Name)
                and call.args[0].id == name):
            continue
        if _resolved(reading, call.func) == "logging.LoggerAdapter":
            return len(uses) == 1
        classes = _bindings_in_force(reading, call.func.id) if isinstance(call.func, ast.Name) else []
        if len(classes) == 1 and isinstance(classes[0], ast.ClassDef) and \
                [_resolved(reading, b) for b in classes[0].bases] == ["logging.LoggerAdapter"] and \
                not classes[0].keywords and not classes[0].decorator_list and not any(
                    isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef)) and m.name.startswith("__")
                    for m in classes[0].body):
            return len(uses) == 1
    return False


#: A logger's methods that format a message of their arguments and hand it to its handlers.
LOGGING_METHODS = frozenset({"debug", "info", "warning", "warn", "error", "exception", "critical", "log"})


def _a_logger(reading: _Reading, name: str) -> bool:
    """Whether ``name`` is bound once, at module level, to ``logging.getLogger(...)`` of constants, and no handler
    of the submission's own (a class deriving from anything, whose ``emit`` could keep a record) is defined."""
    bindings = reading.bindings.get(name, [])
    if len(bindings) != 1 or name in reading.imported or name in reading.global_in_functions:
        return False
    statement, plain = bindings[0]
    return plain and isinstance(statement, ast.Assign) and len(statement.targets) == 1 \
        and isinstance(statement.targets[0], ast.Name) and _makes_a_logger(reading, statement.value) \
        and not any(isinstance(m, ast.FunctionDef) and m.name in ("emit", "handle", "filter", "process")
                    and _keeps_a_parameter(m) for cls in reading.classes for m in cls.body) \
        and not any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in RECORD_HOOKS
                    for n in reading.nodes)


def _keeps_a_parameter(method: ast.FunctionDef) -> bool:
    """Whether a method may keep what it is handed (a record, a message): a value made of one of its parameters
    (``self`` aside) stored into an object or handed to a call that is no method of that parameter's own
    (``self.kept.append(record)``, ``keep(record)``); a filter returning ``record.name.startswith(...)``, an adapter
    returning ``(f"[epoch] {msg}", kwargs)`` keep nothing (fairness round 46: either made every logger unplain)."""
    handed = _parameter_names(method) - {"self", "cls"}

    def mentions(node) -> bool:
        return any(isinstance(n, ast.Name) and n.id in handed for n in ast.walk(node))

    for node in ast.walk(method):
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)) and node.value is not None \
                and mentions(node.value):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(not isinstance(t, ast.Name) for t in targets):
                return True
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            return True
        elif isinstance(node, ast.Call) and any(mentions(a) for a in [*node.args, *(k.value for k in node.keywords)]):
            receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
            if not (isinstance(receiver, ast.Name) and receiver.id in handed) and not (
                    isinstance(node.func, ast.Name) and node.func.id in ("len", "str", "repr", "isinstance", "int")):
                return True
    return False


#: What hands logging's records to code of the submission's without a class of its own: a record factory or a logger
#: class makes every record.  (A filter may be any function too: attack round 53's ``log.addFilter(keep)`` kept the
#: arguments of ``log.warning("...", F.conv2d)``.  What a filter stores is followed where it is read, with every
#: logging call: :func:`_callbacks_storing`; any filter made every logger unplain until fairness round 45, whose
#: filter kept messages that conv2d never read.)
RECORD_HOOKS = frozenset({"setLogRecordFactory", "setLoggerClass"})


def _makes_a_logger(reading: _Reading, value: ast.expr) -> bool:
    """``logging.getLogger("lab6")`` or ``getLogger(__name__)`` (fairness round 42: the name the logging docs
    recommend), or a ``logging.LoggerAdapter`` of one with constant extras."""
    if not isinstance(value, ast.Call) or any(k.arg is None for k in value.keywords):
        return False
    arguments = [*value.args, *(k.value for k in value.keywords)]
    maker = _resolved_once(reading, value.func)
    if maker == "logging.getLogger":
        return all(isinstance(a, ast.Constant) or isinstance(a, ast.Name) and a.id == "__name__"
                   and a.id not in reading.bindings for a in arguments)
    if maker == "logging.LoggerAdapter" and arguments:
        return (_makes_a_logger(reading, arguments[0]) or isinstance(arguments[0], ast.Name)
                and _a_logger(reading, arguments[0].id)) and all(
            _plain_metadata(a) or isinstance(a, ast.Dict) and all(
                isinstance(k, ast.Constant) and isinstance(v, ast.Constant) for k, v in zip(a.keys, a.values))
            for a in arguments[1:])
    return False


#: Built-in functions that only read the sequence they are given (never keep it or hand it on), when given no
#: keyword (``key=`` would call a function of the submission's on each element) and no call: ``tuple(img.shape)``.
#: What they compare or add runs the special methods of the submission's classes, which keep nothing it could not
#: read (:func:`_operand_keepers`).
READING_BUILTINS = frozenset({"len", "sum", "min", "max", "zip", "enumerate", "sorted", "reversed", "list", "tuple",
                              "range", "print", "str", "repr", "any", "all", "set", "frozenset"})


def _makes_plain_data(reading: _Reading, binding: ast.AST) -> bool:
    """``CFG = Config()``: an instance of the submission's own dataclass that holds plain data only, made
    with constant arguments, that nothing in the whole text can change.

    A call handed such an instance (``_shapes(CFG)``, ``nn.Conv2d(c, c, CFG.conv_kernel)``) is then no code of
    it: the callee could change it only by setting a field (no field's name is ever assigned as an attribute
    anywhere, nor is any ``__init__`` but ``super()``'s read; ``setattr``, ``object.__setattr__``, ``vars`` and
    ``__dict__`` are findings of rule 2), or by
    changing a list a field holds (each such field is only ever subscripted, iterated or handed to a built-in
    that reads it: :func:`_read_only_fields`).  Its class is a plain ``@dataclass`` with no base, no method and
    fields whose defaults are constants (or a ``field(default_factory=lambda: [...])`` of constants); what a
    field holds is that default or a constant argument of the call."""
    call = binding.value if isinstance(binding, ast.Assign) else None
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)) or not all(
            _constant_data(v) for v in list(call.args) + [k.value for k in call.keywords]) \
            or any(k.arg is None for k in call.keywords):
        return False
    classes = _bindings_in_force(reading, call.func.id)
    if call.func.id in reading.global_in_functions or len(classes) != 1:
        return False
    fields = _plain_dataclass_fields(reading, classes[0])
    return fields is not None and _read_only_fields(reading, fields)


#: What makes an object that nothing can change: a torch device (a C type with no attributes to set).
IMMUTABLE_MAKERS = frozenset({"torch.device"})


def _makes_immutable(reading: _Reading, binding: ast.AST) -> bool:
    """``device = "cpu"``, ``device = torch.device("cuda" if torch.cuda.is_available() else "cpu")``: an assignment
    of a constant (a string, a number), of a choice between such values, or of an object of
    :data:`IMMUTABLE_MAKERS`' making, to a name alone."""
    unpacked = isinstance(binding, ast.Assign) and len(binding.targets) == 1 and isinstance(
        binding.targets[0], (ast.Tuple, ast.List)) and all(isinstance(t, ast.Name) for t in binding.targets[0].elts) \
        and isinstance(binding.value, (ast.Tuple, ast.List))
    if not (isinstance(binding, ast.Assign) and all(isinstance(t, ast.Name) for t in binding.targets) or unpacked
            or isinstance(binding, ast.AnnAssign) and isinstance(binding.target, ast.Name) and binding.value):
        return False

    def immutable(value) -> bool:
        if isinstance(value, ast.Constant):
            return isinstance(value.value, (str, bytes, int, float, complex, bool, type(None)))
        if isinstance(value, ast.IfExp):
            return immutable(value.body) and immutable(value.orelse)
        if isinstance(value, ast.Subscript) and isinstance(value.value, ast.Name):
            # an item of a module's table of constants that nothing changes (`s = DEFAULTS["stride"]`: fairness
            # round 64, a call handed `s` was read as changing the table conv2d reads)
            return _a_table_of_constants(reading, value.value.id)
        return isinstance(value, ast.Call) and _resolved(reading, value.func) in IMMUTABLE_MAKERS

    if unpacked:  # (`s, p = DEFAULTS["stride"], DEFAULTS["padding"]`)
        return all(immutable(e) for e in binding.value.elts)
    return immutable(binding.value)


def _a_table_of_constants(reading: _Reading, name: str) -> bool:
    """``name`` is only ever bound, at module level, to a dict, list or tuple display of immutable constants (by
    plain assignments), and nothing changes it or rebinds it from a function: each of its items is a constant."""
    memo = reading.memo.setdefault("tables_of_constants", {})
    if name not in memo:
        memo[name] = _table_of_constants(reading, name)
    return memo[name]


def _an_item_of_constants(reading: _Reading, name: ast.Name) -> bool:
    """``name`` stands where an item of it is read (``CFG["device"]``, ``CFG.get("device")``) and is a table of
    constants (:func:`_a_table_of_constants`): what it hands on there is a constant (``nn.Conv2d(1, 1, 3,
    device=CFG["device"])`` holds no part of ``CFG``: fairness round 65)."""
    parent = _parents(reading).get(id(name))
    return (isinstance(parent, ast.Subscript) and parent.value is name or isinstance(parent, ast.Attribute)
            and parent.attr in READING_METHODS) and _a_table_of_constants(reading, name.id)


def _table_of_constants(reading: _Reading, name: str) -> bool:
    bindings = reading.bindings.get(name, [])
    if not bindings or name in reading.mutations or name in reading.global_in_functions or name in reading.imported:
        return False

    def item(node: ast.AST) -> bool:
        """A constant, torch's dtype (``torch.float32``), or a flat tuple or list of constants (``[1, 2]``)."""
        return isinstance(node, ast.Constant) or isinstance(node, (ast.Tuple, ast.List)) and all(
            isinstance(e, ast.Constant) for e in node.elts) or isinstance(node, ast.Attribute) and (
            _bound_by_imports_only(reading, node) and _resolved(reading, node) in TORCH_DTYPES)

    lists: set = set()  # the keys of items that are lists, which what reads them could change
    for binding, _ in bindings:
        value = getattr(binding, "value", None)
        if not (isinstance(binding, ast.Assign) and all(isinstance(t, ast.Name) for t in binding.targets) or
                isinstance(binding, ast.AnnAssign) and isinstance(binding.target, ast.Name)):
            return False
        if isinstance(value, ast.Dict) and all(k is not None and isinstance(k, ast.Constant) for k in value.keys) \
                and all(map(item, value.values)):
            lists |= {k.value for k, v in zip(value.keys, value.values) if isinstance(v, ast.List)}
        elif not (isinstance(value, (ast.List, ast.Tuple)) and all(isinstance(e, ast.Constant) for e in value.elts)):
            return False

    def may_be_a_list(key: ast.AST | None) -> bool:  # (an item read by a key no list has is a constant)
        return bool(lists) and not (isinstance(key, ast.Constant) and key.value not in lists)
    # and it is used nowhere but to read its items (`DEFAULTS["stride"]`, `DEFAULTS.get("padding")`), or shown
    # (`print(DEFAULTS)`): no call is handed it that may put something else in it (`_put(DEFAULTS, "k", f)`), and no
    # other name holds it (`h = DEFAULTS; h["k"] = f` in a function)
    parents = _parents(reading)

    def elements_read(item_read: ast.AST) -> bool:
        """What is done with an item that may be a list only reads its elements, constants (``for s, p in
        zip(CFG["strides"], CFG["paddings"])``, ``CFG["strides"][0]``, ``2 in CFG["strides"]``): nothing holds the
        list itself, which could change it (``lst = CFG["strides"]; lst.append(f)``, ``_put(CFG["strides"], f)``)."""
        parent = parents.get(id(item_read))
        if isinstance(parent, ast.Starred):
            parent = parents.get(id(parent))
            return isinstance(parent, ast.Call) and item_read is not parent.func
        if isinstance(parent, ast.Subscript) and parent.value is item_read and isinstance(parent.ctx, ast.Load) \
                or isinstance(parent, (ast.For, ast.AsyncFor, ast.comprehension)) and parent.iter is item_read \
                or isinstance(parent, ast.Compare):
            return True
        return isinstance(parent, ast.Call) and item_read in parent.args and (
            _shown_by_a_builtin(reading, parent) or isinstance(parent.func, ast.Name)
            and parent.func.id in ELEMENT_READING_BUILTINS and _unshadowed(reading, parent.func.id))

    def captures_it_whole(pattern: ast.AST) -> bool:  # (`case x:`, `case dict() as d:`: a name for the table)
        return isinstance(pattern, ast.MatchAs) and pattern.name is not None or isinstance(pattern, ast.MatchOr) \
            and any(map(captures_it_whole, pattern.patterns)) or isinstance(pattern, ast.MatchAs) \
            and pattern.pattern is not None and captures_it_whole(pattern.pattern)

    def captures_a_list(pattern: ast.AST) -> bool:  # (`case {"strides": s}`, `case {**rest}`: a list kept)
        if not lists:
            return False
        if isinstance(pattern, ast.MatchOr):
            return any(map(captures_a_list, pattern.patterns))
        if not isinstance(pattern, ast.MatchMapping):
            return any(isinstance(n, (ast.MatchAs, ast.MatchStar)) and n.name is not None for n in ast.walk(pattern))
        return pattern.rest is not None or any(
            may_be_a_list(key) and any(isinstance(n, (ast.MatchAs, ast.MatchStar)) and n.name is not None
                                       for n in ast.walk(value)) for key, value in zip(pattern.keys, pattern.patterns))

    def an_item(use: ast.Name) -> bool:
        parent = parents.get(id(use))
        if isinstance(parent, ast.Subscript) and parent.value is use and isinstance(parent.ctx, ast.Load):
            return not may_be_a_list(parent.slice) or elements_read(parent)
        if isinstance(parent, ast.Match) and parent.subject is use:
            # `match CFG: case {"kernel": ks}:` binds its items (constants; not a list, which a capture would hold)
            return not any(captures_it_whole(case.pattern) or captures_a_list(case.pattern) for case in parent.cases)
        if isinstance(parent, ast.Call) and _shown_by_a_builtin(reading, parent) and use in parent.args:
            return True
        if lists:  # (`.values()`, `.items()`, `.copy()` hand the lists out)
            return isinstance(parent, ast.Attribute) and parent.attr in ("get", "__getitem__") and isinstance(
                called := parents.get(id(parent)), ast.Call) and called.func is parent and called.args and (
                not may_be_a_list(called.args[0]) or elements_read(called))
        return isinstance(parent, ast.Attribute) and parent.attr in READING_METHODS and isinstance(
            called := parents.get(id(parent)), ast.Call) and called.func is parent

    return all(an_item(use) for use in reading.nodes if isinstance(use, ast.Name) and use.id == name
               and isinstance(use.ctx, ast.Load))


#: torch's dtypes, immutable values a table of constants may hold (``{"dtype": torch.float32}``).
TORCH_DTYPES = frozenset(f"torch.{t}" for t in (
    "float16", "bfloat16", "float32", "float64", "half", "float", "double", "int8", "int16", "int32", "int64", "uint8",
    "bool", "long", "int", "short", "complex64", "complex128", "cfloat", "cdouble"))
#: Built-ins that read the elements of what they are given and hand back new containers or iterators of them, or
#: numbers: given a list of constants, none holds the list itself.
ELEMENT_READING_BUILTINS = frozenset({"zip", "enumerate", "len", "sorted", "list", "tuple", "sum", "min", "max", "set",
                                      "reversed", "any", "all"})


#: Methods of a dict, list or tuple that read it and change nothing.
READING_METHODS = frozenset({"get", "keys", "values", "items", "copy", "__getitem__", "__contains__", "index", "count"})


def _constant_data(node: ast.AST) -> bool:
    """A constant, or a tuple, list, set, dict or arithmetic of constants (``(3, 2)``, ``128 * 128``, ``-1``)."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return all(_constant_data(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return all(k is not None and _constant_data(k) for k in node.keys) and all(map(_constant_data, node.values))
    if isinstance(node, ast.UnaryOp):
        return _constant_data(node.operand)
    if isinstance(node, ast.BinOp):
        return _constant_data(node.left) and _constant_data(node.right)
    return False


def _plain_dataclass_fields(reading: _Reading, cls: ast.AST) -> dict[str, bool] | None:
    """A plain dataclass's fields: name -> whether what it holds can be changed in place (a list, dict or set
    from a ``default_factory``); None when ``cls`` is no such class (another decorator, a base, a method, a
    default that is not constant data)."""
    if not isinstance(cls, ast.ClassDef) or cls.bases or cls.keywords or len(cls.decorator_list) != 1:
        return None
    decorator = cls.decorator_list[0]
    made_by = decorator.func if isinstance(decorator, ast.Call) else decorator
    if _resolved_once(reading, made_by) != "dataclasses.dataclass" or (isinstance(decorator, ast.Call) and (
            decorator.args or not all(isinstance(k.value, ast.Constant) for k in decorator.keywords))):
        return None
    fields: dict[str, bool] = {}
    for number, statement in enumerate(cls.body):
        if number == 0 and isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
            continue  # the docstring
        if not (isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)):
            return None
        value = statement.value
        if value is None or _constant_data(value) and not isinstance(value, (ast.List, ast.Set, ast.Dict)):
            fields[statement.target.id] = False
            continue
        if not (isinstance(value, ast.Call) and _resolved_once(reading, value.func) == "dataclasses.field"
                and not value.args and len(value.keywords) == 1):
            return None
        keyword = value.keywords[0]
        if keyword.arg == "default" and _constant_data(keyword.value) \
                and not isinstance(keyword.value, (ast.List, ast.Set, ast.Dict)):
            fields[statement.target.id] = False
        elif keyword.arg == "default_factory" and isinstance(keyword.value, ast.Lambda) \
                and not keyword.value.args.args and _constant_data(keyword.value.body):
            fields[statement.target.id] = True
        else:
            return None
    return fields


def _read_only_fields(reading: _Reading, fields: dict[str, bool]) -> bool:
    """Whether, anywhere in the text, no attribute named like one of ``fields`` is assigned or deleted, and
    every attribute named like a field that holds a list (or dict, set) is only read in place: subscripted,
    iterated, or handed to one of :data:`READING_BUILTINS`.  By name, on any object: a helper's parameter may
    be the instance."""
    key = ("fields", tuple(sorted(fields.items())))
    if key not in reading.memo:
        reading.memo[key] = _fields_read_only(reading, fields)
    return reading.memo[key]


#: Methods that read a mapping and change nothing in it.
MAPPING_READERS = frozenset({"items", "keys", "values", "get", "copy", "__contains__"})


def _read_in_place(reading: _Reading, parents: dict[int, ast.AST], node: ast.expr) -> bool:
    """Whether ``node``'s value is only read where it stands: indexed, iterated, listed or shown by a built-in, or
    read by a mapping's reading method; never changed, bound to a name or handed to other code.  A class's
    ``__annotations__`` so (fairness round 31 listed a config's fields); changed, its texts are types that
    ``functools.singledispatch`` and ``typing`` evaluate (attack round 42: ``f.__annotations__["x"] = text``).
    ``parents``: each node's parent, by id."""
    if _read_plainly(reading, parents, node):
        return True
    parent = parents.get(id(node))
    if isinstance(parent, (ast.Expr, ast.FormattedValue, ast.Compare)):
        return True  # shown as a cell's value, in an f-string, compared (`assert X == {...}`: fairness round 34)
    if isinstance(parent, ast.BinOp) and isinstance(parent.op, ast.Mod) and parent.right is node:
        return True  # `"%s" % X`
    if isinstance(parent, ast.Call) and node in parent.args:
        # handed to a library's function that shows or copies it (print, pprint, display, json.dumps, ", ".join,
        # pd.Series): not to the submission's own code, nor to a method that changes what it is given
        # (`dict.update(f.__annotations__, x=...)`)
        func = parent.func
        own = isinstance(func, ast.Name) and func.id in reading.bindings and func.id not in reading.imported
        return not own and not (isinstance(func, ast.Attribute) and func.attr in MUTATING_METHODS)
    return isinstance(parent, ast.Attribute) and parent.attr in MAPPING_READERS \
        and isinstance(parents.get(id(parent)), ast.Call)


def _read_plainly(reading: _Reading, parents: dict[int, ast.AST], node: ast.expr) -> bool:
    """Whether ``node``'s value is indexed (not assigned through), iterated, or given to a built-in that lists or
    shows it (:data:`READING_BUILTINS`, not rebound)."""
    parent = parents.get(id(node))
    if isinstance(parent, ast.Subscript) and parent.value is node:
        return isinstance(parent.ctx, ast.Load)
    if isinstance(parent, (ast.For, ast.comprehension)) and parent.iter is node:
        return True
    return isinstance(parent, ast.Call) and node in parent.args and isinstance(parent.func, ast.Name) \
        and parent.func.id in READING_BUILTINS and parent.func.id not in reading.bindings


def _handed_to(reading: _Reading, parents: dict[int, ast.AST], node: ast.expr, functions: frozenset) -> bool:
    """Whether ``node`` is an argument of a call of one of ``functions`` (dotted names, as imported)."""
    parent = parents.get(id(node))
    return isinstance(parent, ast.Call) and parent.func is not node \
        and _resolved(reading, parent.func) in functions


def _fields_read_only(reading: _Reading, fields: dict[str, bool]) -> bool:
    changeable = {name for name, mutable in fields.items() if mutable}
    parents = _parents(reading)
    for node in reading.nodes:
        if isinstance(node, ast.Attribute) and node.attr == "__init__" and not _plain_super_method(reading, node):
            return False  # CFG.__init__(pool_size=...) sets the fields again, frozen or not
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in (
                "getattr", "setattr", "delattr") and len(node.args) > 1 and isinstance(node.args[1], ast.Constant) \
                and node.args[1].value in fields:
            return False
        if not (isinstance(node, ast.Attribute) and node.attr in fields):
            continue
        if not isinstance(node.ctx, ast.Load):
            return False
        if node.attr not in changeable or _read_plainly(reading, parents, node):
            continue
        return False
    return True


def _record_own_attributes(reading: _Reading) -> None:
    """Find ``self.X`` / ``cls.X`` in a method that reads an attribute its own class (or a base class
    the source defines) sets: a name bound in the class body, or ``self.X = ...`` in one of its methods.

    Whatever such an attribute holds was put there by code of the class, which is read whenever the
    method is (the class is reached), or by a change made to a reached object, which is read too.
    ``self`` is then an instance of the class unless the method is called through the class with
    another first argument, and a module handed over as an argument is a finding of its own
    (:func:`_reachable_builtins`).  Only parameters named ``self``/``cls`` count: rebinding them
    is a finding of rule 2.
    """
    by_name: dict[str, list[ast.ClassDef]] = {}
    for cls in reading.classes:
        by_name.setdefault(cls.name, []).append(cls)

    def methods(cls: ast.ClassDef):
        for st in cls.body:
            if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)) and st.args.args \
                    and st.args.args[0].arg in ("self", "cls") and not any(
                        isinstance(d, ast.Name) and d.id == "staticmethod" for d in st.decorator_list):
                yield st, st.args.args[0].arg

    def own_names(cls: ast.ClassDef) -> set[str]:
        names = {n for st in cls.body for n in _names_bound_by(st)}
        for method, first in methods(cls):
            for n in _walk_scope_body(method):
                if isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Store) and isinstance(n.value, ast.Name) \
                        and n.value.id == first:
                    names.add(n.attr)
        return names

    # The names of a class and of every class its bases name, each read once: a walk with a memo of the classes
    # already done (the source defines bases first), not a recursion, which a chain of 6,000 classes exceeded
    # after 24 s of quadratic work (a submission whose data the judge reads must cost it bounded time).
    done: dict[int, set[str]] = {}

    def defined(cls: ast.ClassDef) -> set[str]:
        names: set[str] = set()
        seen, todo = {id(cls)}, [cls]
        while todo:
            current = todo.pop()
            if id(current) in done:
                names |= done[id(current)]
                continue
            names |= own_names(current)
            for base in current.bases:
                if isinstance(base, ast.Name):
                    for other in by_name.get(base.id, []):
                        if id(other) not in seen:
                            seen.add(id(other))
                            todo.append(other)
        done[id(cls)] = names
        return names

    for cls in reading.classes:
        own = defined(cls)
        reading.own_members[cls.name] = reading.own_members.get(cls.name, own) & own
        for method, first in methods(cls):
            for n in _walk_scope_body(method):
                if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == first \
                        and n.attr in own:
                    reading.own_attributes.add(id(n))


def _record_own_local_records(reading: _Reading) -> None:
    """Find ``spec.X`` in a function whose local ``spec`` is only ever bound to a new instance of one of the
    submission's own record classes (``spec = PoolSpec(pool_size=k, stride=k)``: :func:`_own_record_class`).

    Such an attribute holds what the class's code or the call's arguments put there, or what the function itself
    sets on it: all of it is read whenever the function is (the class by its name in the call).  Its name
    (``pool_size``) is then no evidence of torch (attack round 29b's converse: a by-hand ``max_pool2d`` reading its
    block size from a dataclass, a namedtuple or a plain class lost its by-hand points).  Any other binding of the
    name anywhere in the function (a parameter, a loop, a walrus, ``nonlocal`` in a nested one) leaves it out."""
    functions = [n for n in reading.nodes if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    for function in functions[:MAX_CLASSES * 10]:
        own_scope = list(_walk_scope_body(function))
        records: dict[str, bool] = {}  # a local name: whether every plain assignment of it makes a record
        record_classes: set[str] = set()
        plain_targets: set[int] = set()
        copies: list[tuple[ast.Name, str]] = []  # `state = state._replace(...)`: a copy of a local's record
        for n in own_scope:
            if isinstance(n, ast.AnnAssign) and n.simple and n.value is not None:
                target, value = n.target, n.value  # `result: PoolResult = _pool(...)` (fairness round 42)
            elif isinstance(n, ast.Assign) and len(n.targets) == 1:
                target, value = n.targets[0], n.value
            else:
                continue
            # `s = Shape(...)`, and pairwise `s, k = Shape(...), Shape(...)` (fairness round 41)
            pairs = [(target, value)] if isinstance(target, ast.Name) else \
                list(zip(target.elts, value.elts)) if isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple) \
                and len(target.elts) == len(value.elts) and all(isinstance(t, ast.Name) for t in target.elts) else []
            for name, made_by in pairs:
                plain_targets.add(id(name))
                source = _copied_record_call(reading, made_by) if isinstance(made_by, ast.Call) else None
                if isinstance(source, ast.Name):
                    copies.append((name, source.id))
                    continue
                maker = _record_maker(reading, made_by)
                records[name.id] = records.get(name.id, True) and maker is not None
                if maker is not None:
                    record_classes.add(maker)
        for name, source in copies:  # a copy of a record is one, when every other binding of its source is
            records[name.id] = records.get(name.id, True) and bool(records.get(source))
        chained = [n for n in own_scope if isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Load)
                   and isinstance(n.value, ast.Call) and _record_maker(reading, n.value) is not None
                   and _record_field(reading, n.value, n.attr)]
        if not any(records.values()) and not chained:
            continue
        record_classes |= {_record_maker(reading, n.value) for n in chained}
        rebound: set[str] = set()  # every other binding in the function, its parameters too
        for n in ast.walk(function):
            if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load) and id(n) not in plain_targets:
                rebound.add(n.id)
            elif isinstance(n, (ast.Global, ast.Nonlocal)):
                rebound.update(n.names)
            elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and n is not function:
                rebound.add(n.name)
            elif isinstance(n, ast.alias):
                rebound.add((n.asname or n.name).split(".")[0])
            else:
                rebound.update(_handed_names(n))
        if record_classes & rebound:
            continue  # a class of that name made in the function is not the module's
        for n in own_scope:
            if isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Load) and isinstance(n.value, ast.Name) \
                    and records.get(n.value.id) and n.value.id not in rebound:
                reading.own_attributes.add(id(n))
        reading.own_attributes.update(id(n) for n in chained)  # `PoolResult(values, k).pooled`


def _record_maker(reading: _Reading, value: ast.expr) -> str | None:
    """The name of what makes the record ``value`` is a new instance of, or None: a call of one of the submission's
    own record classes (:func:`_own_record_class`), of its own factory whose every ``return`` makes one
    (:func:`_record_factory`: ``shape = conv_shape(h, w, ...)``, fairness round 41), or of ``types.SimpleNamespace``
    with keywords written out (``res = SimpleNamespace(pooled=values)``): whatever such a record holds, the call's
    arguments, the class's or the factory's code put there, and all of them are read where the call is."""
    if not isinstance(value, ast.Call):
        return None
    func = value.func
    if isinstance(func, ast.Attribute):
        # `PoolOut._make([...])`, a classmethod returning `cls(...)` (`ConvShape.of(...)`), a copy of a record made in
        # place (`Pool(v)._replace(...)`, `dataclasses.replace(Pool(v), ...)`: fairness round 42)
        if func.attr == "_make" and isinstance(func.value, ast.Name) and _own_record_class(reading, func.value.id):
            return func.value.id
        copied = _copied_record_call(reading, value)
        if copied is not None:
            return _record_maker(reading, copied)
        made = _made_class(reading, value)
        return made if made is not None and made != _CLS and _own_record_class(reading, made) else None
    if not isinstance(func, ast.Name):
        return None
    copied = _copied_record_call(reading, value)
    if copied is not None:
        return _record_maker(reading, copied)
    name = func.id
    if _own_record_class(reading, name):
        return name
    if _resolved_once(reading, func) == "types.SimpleNamespace" and not value.args \
            and all(k.arg is not None for k in value.keywords):
        return name
    return name if _record_factory(reading, func) else None


def _copied_record_call(reading: _Reading, call: ast.Call) -> ast.expr | None:
    """What ``call`` copies with fields changed by keyword, ``dataclasses.replace(source, ...)`` or
    ``source._replace(...)``; None for any other call."""
    return None if any(k.arg is None for k in call.keywords) else _copy_source(reading, call)


def _record_field(reading: _Reading, call: ast.Call, attr: str) -> bool:
    """Whether ``attr`` is a field of the record ``call`` makes (:func:`_record_maker`) and nothing else: a keyword
    of a ``SimpleNamespace``, a field a namedtuple names, an annotation without a value in a record class's body, or
    an attribute its methods set on ``self`` that its body binds no other way (a method or a class attribute of the
    same name may be anything: ``max_pool = staticmethod(...)``)."""
    copied = _copied_record_call(reading, call)
    if copied is not None:
        return isinstance(copied, ast.Call) and _record_field(reading, copied, attr)
    if _resolved_once(reading, call.func) == "types.SimpleNamespace":
        return any(k.arg == attr for k in call.keywords)
    maker = _record_maker(reading, call)
    names = {maker} if maker is not None and _own_record_class(reading, maker) else \
        _factory_records(reading, call.func) if isinstance(call.func, ast.Name) else set()
    return bool(names) and all(_declared_field(reading, name, attr) for name in names)


def _factory_records(reading: _Reading, func: ast.Name) -> set[str]:
    """The record classes the returns of a factory (:func:`_record_factory`) make; empty for anything else."""
    if not _record_factory(reading, func):
        return set()
    definition = _plain_module_function(reading, func)
    return {node.value.func.id for node in _walk_scope_body(definition) if isinstance(node, ast.Return)}


def _declared_field(reading: _Reading, name: str, attr: str) -> bool:
    """Whether every binding of the record class ``name`` declares ``attr`` as a field only (see
    :func:`_record_field`)."""
    for binding in _bindings_in_force(reading, name):
        if isinstance(binding, ast.Assign):  # namedtuple("Pooled", ["pooled", "argmax"]) or "pooled argmax"
            fields = [e.value for a in binding.value.args[1:2] for e in
                      (a.elts if isinstance(a, (ast.List, ast.Tuple)) else [a]) if isinstance(e, ast.Constant)]
            fields = [f for field in fields if isinstance(field, str) for f in field.replace(",", " ").split()]
            if attr not in fields:
                return False
            continue
        if not isinstance(binding, ast.ClassDef):
            return False
        annotated, other = set(), set()
        for statement in binding.body:
            if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name) \
                    and (statement.value is None or isinstance(statement.value, ast.Constant)):
                annotated.add(statement.target.id)
            else:
                other.update(_names_bound_by(statement))
        set_on_self = {n.attr for statement in binding.body if isinstance(statement, ast.FunctionDef)
                       for n in _walk_scope_body(statement) if isinstance(n, ast.Attribute)
                       and isinstance(n.ctx, ast.Store) and isinstance(n.value, ast.Name) and n.value.id == "self"}
        if attr in other or attr not in annotated | set_on_self:
            return False
    return True


def _plain_module_function(reading: _Reading, func: ast.Name) -> ast.FunctionDef | None:
    """The ``def`` ``func`` names when it is a module-level function of the submission's, bound once, undecorated,
    never changed, and no function's local of the same spelling; None otherwise."""
    bindings = reading.bindings.get(func.id, [])
    if len(bindings) != 1 or func.id in reading.imported or func.id in reading.mutations \
            or func.id in reading.global_in_functions or _function_binding(reading, func) is not None:
        return None
    definition, plain = bindings[0]
    return definition if plain and isinstance(definition, ast.FunctionDef) and not definition.decorator_list \
        else None


def _record_factory(reading: _Reading, func: ast.Name) -> bool:
    """Whether ``func`` names a plain module-level function of the submission's (:func:`_plain_module_function`)
    that is no generator and whose every ``return`` is a call of one of its own record classes (a namedtuple bound
    by assignment too: ``return Pooled(values, indices)``)."""
    definition = _plain_module_function(reading, func)
    if definition is None:
        return False
    returns = []
    for node in _walk_scope_body(definition):
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            return False
        if isinstance(node, ast.Return):
            returns.append(node.value)
    return bool(returns) and all(isinstance(v, ast.Call) and isinstance(v.func, ast.Name)
                                 and _own_record_class(reading, v.func.id) for v in returns)


def _flag_private_keywords(reading: _Reading, nodes: list[ast.AST]) -> None:
    """A private keyword (``_parent_namespace_depth=``, ``_types_namespace=``) given to a callable that is not the
    submission's own reaches into a library's internals: attack round 53 had pydantic look a model's annotations up
    in the locals of the worker's own frames, four calls up, and fetched and emptied its recorders."""
    own_functions = {name for name, bindings in reading.bindings.items()
                     if bindings and all(isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                                         for b, _ in bindings)}
    own_members = set().union(*reading.own_members.values()) if reading.own_members else set()
    parents = _parents(reading)
    for node in nodes:
        if isinstance(node, ast.Attribute) and node.attr in STACK_TEXT and not _own_member(reading, node) or (
                isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
                and _resolved(reading, node) in {f"traceback.{name}" for name in STACK_TEXT}):
            # every caller's file and line as text, read by a gate on the worker's file (attack round 69), where a
            # model's code reaches it (fairness round 52: a debug helper nothing calls cost 10 points)
            reading.reach_only.append((node, Finding("unverifiable", f"{ast.unparse(node)} (every caller's file as "
                                                                     "text)", hides_from_by_hand=False)))
        hidden = _warn_out_of_sight(reading, node, parents)
        if hidden:
            # where the reader cannot tell a call of warnings.warn from another, it cannot read its stacklevel
            # (attack round 63: ssl.where = ssl.warnings.warn; an alias, a function's own import)
            reading.reach_only.append((node, Finding("unverifiable", hidden, hides_from_by_hand=False)))
        if not isinstance(node, ast.Call):
            continue
        given = [k.value for k in node.keywords if k.arg == "stacklevel"]
        named = [a.value for a in node.args[1:2] if isinstance(a, ast.Constant)] if isinstance(node.func, ast.Name) \
            and node.func.id == "getattr" and _the_builtin(reading, node.func) else []
        if named and named[0] in STACK_TEXT:
            reading.reach_only.append((node, Finding("unverifiable", f"getattr(..., {named[0]!r}) (every caller's "
                                                                     "file as text)", hides_from_by_hand=False)))
        if _resolved(reading, node.func) == "tracemalloc.start" and not all(
                isinstance(a, ast.Constant) and type(a.value) is int and a.value <= 1
                for a in [*node.args, *(k.value for k in node.keywords)]):
            # more than one frame per allocation: a ResourceWarning's or a warning's `source=` text then names every
            # caller's file (attack round 71)
            reading.unreadable.append(Finding("unverifiable", f"{ast.unparse(node)[:60]} (allocations traced with "
                                                              "their callers' files)", hides_from_by_hand=False))
        for shown in (k.value for k in node.keywords if k.arg == "source"):
            if (_warning_function(reading, node.func) in WARNING_FUNCTIONS or _may_be_warn(reading, node.func)) \
                    and not _constant_off(reading, shown):
                reading.reach_only.append((node, Finding(
                    "unverifiable", f"source={ast.unparse(shown)[:40]} (where the object was made, as text)",
                    hides_from_by_hand=False)))
        for shown in (k.value for k in node.keywords if k.arg == "stack_info"):
            if not _constant_off(reading, shown):
                # a log record's stack_info is every caller's file and line as text (attack round 69: a handler's
                # text read by a gate on the worker's file), where the model's code reaches it
                reading.reach_only.append((node, Finding(
                    "unverifiable", f"stack_info={ast.unparse(shown)} (every caller's file as text)",
                    hides_from_by_hand=False)))
        warning = _warning_function(reading, node.func)
        # a call spelled as warn's that the reader cannot tie to warnings or to another function: warnings reached
        # through a class body's import, a function returning the module, a global bound in a function (attack
        # round 67); read as warn, whatever its receiver
        maybe_warn = warning is None and _may_be_warn(reading, node.func)
        warns = warning in WARNING_FUNCTIONS or maybe_warn or (
            isinstance(node.func, ast.Attribute) and node.func.attr in LOGGING_METHODS)
        if (warning == "warnings.warn" or maybe_warn) and len(node.args) > 2:
            given.append(node.args[2])  # warn(message, category, stacklevel) (attack round 59)
        if warns:
            given += [k.value for k in node.keywords if k.arg is None]  # **{"stacklevel": k} (attack round 59)
            if not _logger_method(reading, node.func):
                # a logger's stacklevel is keyword-only: `log.debug("%d x %d", *x.shape)` hands it nothing (fairness
                # round 48); warn's third positional argument is its stacklevel
                given += [a for a in node.args if isinstance(a, ast.Starred)]
        for value in given:
            if not _at_most_the_caller(reading, value):
                # a warning's or a log record's file and line are then a caller's more than one call up: the frame
                # that called the model (attack round 58 gated a model on the worker's), where the model's code
                # reaches it (fairness round 46: helpers warning with stacklevel=3 anywhere cost 10 points)
                reading.reach_only.append((node, Finding(
                    "unverifiable", f"stacklevel={ast.unparse(value)} (names the file of a caller more than "
                                    "one call up)", hides_from_by_hand=False)))
        private = [k.arg for k in node.keywords if k.arg and k.arg.startswith("_")]
        if not private:
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in own_functions and func.id not in reading.imported \
                or isinstance(func, ast.Attribute) and func.attr in own_members:
            continue  # the submission's own function or method, whose parameters it names
        reading.unreadable.append(Finding("unverifiable", f"{private[0]}= given to a library (a private keyword "
                                                          "reaches its internals)"))


#: Attribute names a class pattern never reads as data: a property's functions (attack round 127 reached a setter).
PATTERN_UNREADABLE_ATTRIBUTES = frozenset({"fget", "fset", "fdel"})


def _an_unreadable_pattern_attribute(name: str) -> bool:
    """A special or private name, or one :data:`UNREADABLE_ATTRIBUTES` or :data:`PATTERN_UNREADABLE_ATTRIBUTES`
    names: read by a class pattern, it hands out a class, a function or a frame (``__class__``, ``__func__``)."""
    return name.startswith("__") or bool(re.match(r"_\w+__", name)) or name in UNREADABLE_ATTRIBUTES \
        or name in PATTERN_UNREADABLE_ATTRIBUTES


def _flag_class_patterns(reading: _Reading, nodes: list[ast.AST]) -> None:
    """A class pattern of ``match`` reads attributes as ``getattr`` does and binds what it reads: ``case
    object(__class__=C)`` hands out the class, ``object(__func__=f)`` a method's function, ``object(fset=s)`` a
    property's setter, where no rule on attributes sees them (attack round 127: ``C.give([KEEP], acc)`` ran a method
    with another object as ``self``).  A keyword naming what :func:`_an_unreadable_pattern_attribute` refuses is
    unreadable; so is a ``__match_args__`` (what positional sub-patterns read) naming one, or bound by anything but
    one literal assignment at the top of a class body (attack round 128: bound under an ``if``, a ``for``, a ``with``,
    deleted again).  Data attributes are read as data: a dataclass's fields, ``torch.Tensor(shape=...)``, a class's
    settings (fairness round 84: refusing names some class binds to code, or positional patterns of classes the
    reader cannot name, cost 18 honest notebooks 10 points each)."""
    parents = _parents(reading)
    for node in nodes:
        names: list[str] = []
        if isinstance(node, ast.MatchClass):
            names = list(node.kwd_attrs)
            shown = f"case {ast.unparse(node)}"
        elif not isinstance(node, (ast.Name, ast.Attribute)) and set(_identifiers_of(node)) & {
                "__match_args__", "__subclasshook__"} and not (
                    # (looked up, not bound: `hasattr(Shape, "__match_args__")`, fairness round 86)
                    isinstance(node, ast.Constant) and isinstance(call := parents.get(id(node)), ast.Call)
                    and isinstance(call.func, ast.Name) and call.func.id in ("hasattr", "getattr")
                    and _the_builtin(reading, call.func) and call.args[1:2] == [node] and len(call.args) == 2) \
                or isinstance(node, (ast.Name, ast.Attribute)) and not isinstance(node.ctx, ast.Load) \
                and _identifiers_of(node) == ["__subclasshook__"]:
            # (a capture pattern binds a name as a string, not an ast.Name; a namespace handed to a metaclass names it
            # as a key: `abc.ABCMeta('Q', (), {'__match_args__': ('__class__',), '__subclasshook__': ...})` claims
            # every instance for `case Q(C)`; a def or a class statement, decorated or not, binds it to what its
            # decorator hands back: `@as_ma class __match_args__: pass`, attack round 129)
            reading.unreadable.append(Finding("unverifiable", "__match_args__ or __subclasshook__ bound otherwise than "
                                                              "by one literal tuple at the top of a class body (what "
                                                              "a class pattern reads out of the reader's sight)"))
            continue
        elif isinstance(node, ast.Name) and node.id == "__match_args__" and not isinstance(node.ctx, ast.Load) \
                or isinstance(node, ast.Attribute) and node.attr == "__match_args__" \
                and not isinstance(node.ctx, ast.Load):
            statement = parents.get(id(node))
            if isinstance(statement, ast.Assign) and len(statement.targets) == 1 \
                    and isinstance(parents.get(id(statement)), ast.ClassDef) and isinstance(node, ast.Name) \
                    and (literal := _literal_field_names(statement.value)) is not None \
                    and not isinstance(statement.value, ast.Constant):
                names = literal
                shown = ast.unparse(statement)
            else:
                reading.unreadable.append(Finding("unverifiable", "__match_args__ bound otherwise than by one literal "
                                                                  "tuple at the top of a class body (what a class "
                                                                  "pattern reads out of the reader's sight)"))
                continue
        for name in names:
            if _an_unreadable_pattern_attribute(name):
                reading.unreadable.append(Finding("unverifiable", f"{shown} (a class pattern reading {name}, which "
                                                                  "hands out code, not data)"))
                break


def _literal_field_names(node: ast.AST | None) -> list[str] | None:
    """``("top", "left")``, ``["a", "b"]`` or ``"a b"`` as names; None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.replace(",", " ").split()
    if isinstance(node, (ast.Tuple, ast.List)) and all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
        return [e.value for e in node.elts]
    return None


def _flag_format_fields(reading: _Reading, nodes: list[ast.AST]) -> None:
    """A format string's replacement fields read attributes as ``getattr`` does: one that reaches a frame or what
    :data:`UNREADABLE_ATTRIBUTES` names is read as that attribute (attack round 73 read the worker's frames as text
    through ``"{0.__traceback__.tb_frame.f_back.f_code.co_filename}".format(e)``), and a text the reader cannot see
    (built at run time) is read as a computed name where a model reaches it.  The reader sees a constant, a name bound
    at module level to constants, their sums, an item of a module-level dict of constants, and a class attribute
    bound to a constant only (fairness round 56: templates kept so cost 7 points).  A logging formatter's
    ``format`` formats a record, not its own text."""
    calls = {id(n.func): n for n in nodes if isinstance(n, ast.Call)}
    parents = _parents(reading)
    for node in nodes:
        text = None
        if isinstance(node, ast.Attribute) and node.attr in FORMAT_METHODS and not _own_member(reading, node):
            text = node.value
            if isinstance(text, ast.Name) and text.id == "str" and _the_builtin(reading, text):
                call = calls.get(id(node))  # str.format(text, ...)
                text = call.args[0] if call is not None and call.args else None
            elif _a_formatter(reading, parents, text):
                continue
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "getattr" \
                and len(node.args) > 1 and isinstance(node.args[1], ast.Constant) \
                and node.args[1].value in FORMAT_METHODS:
            text = node.args[0]  # getattr(text, "format") (a computed name is read as such elsewhere)
        else:
            continue
        texts = _constant_texts(reading, text) if text is not None else None
        if texts is None:
            reading.reach_only.append((node, Finding(
                "unverifiable", f"{ast.unparse(node)[:60]} (a format string the reader cannot see reads attributes "
                                "by name)", hides_from_by_hand=False)))
            continue
        for attribute in sorted(_format_fields(texts)):
            if attribute in ANY_RECEIVER_ATTRIBUTES or attribute in UNREADABLE_ATTRIBUTES:
                reading.unreadable.append(Finding("unverifiable", f"{ast.unparse(node)[:60]} (its fields read "
                                                                  f".{attribute})"))


#: The string methods whose replacement fields read attributes and items: ``"{0.__class__}".format(x)``.
FORMAT_METHODS = frozenset({"format", "format_map"})
#: Classes whose instances' ``format`` formats something else than their own text (a log record).
FORMATTER_CLASSES = frozenset({"logging.Formatter"})


def _a_formatter(reading: _Reading, parents: dict[int, ast.AST], value: ast.expr) -> bool:
    """``logging.Formatter(...)``, a name bound only to one, or ``super()`` in a method of a class deriving from one:
    what its ``format`` is given is a log record."""
    def made(expr) -> bool:
        return isinstance(expr, ast.Call) and _resolved(reading, expr.func) in FORMATTER_CLASSES

    if isinstance(value, ast.Name):
        bindings = reading.bindings.get(value.id, [])
        return bool(bindings) and all(isinstance(b, ast.Assign) and made(b.value) for b, _ in bindings)
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "super":
        current = parents.get(id(value))
        while current is not None and not isinstance(current, ast.ClassDef):
            current = parents.get(id(current))
        return current is not None and any(_resolved(reading, b) in FORMATTER_CLASSES for b in current.bases)
    return made(value)


def _constant_texts(reading: _Reading, value: ast.expr, depth: int = 0) -> list[str] | None:
    """The texts ``value`` may be when the reader can see them all: a constant, a name bound at module level to
    constants only, a sum of such, an item of a module-level dict of constants, or a class attribute (read through
    ``self`` or the class) bound to constants only and never set as an attribute; None otherwise."""
    if depth > 8:
        return None
    if isinstance(value, ast.Constant):
        return [value.value] if isinstance(value.value, str) else None
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
        left, right = _constant_texts(reading, value.left, depth + 1), _constant_texts(reading, value.right, depth + 1)
        if left is None or right is None or len(left) * len(right) > 64:
            return None
        return [a + b for a in left for b in right]
    if isinstance(value, ast.Name):
        constants = _module_constants(reading, value)
        if constants is not None:
            return [c.value for c, _ in constants] if all(isinstance(c.value, str) for c, _ in constants) else None
        passed = _arguments_for(reading, value)
        if passed is not None:
            texts = [_constant_texts(reading, v, depth + 1) for v in passed]
            return None if any(t is None for t in texts) else [t for ts in texts for t in ts]
        bindings = reading.bindings.get(value.id, [])
        if value.id in reading.global_in_functions or len(bindings) != 1 \
                or not isinstance(bindings[0][0], ast.Assign) or len(bindings[0][0].targets) != 1:
            return None
        return _constant_texts(reading, bindings[0][0].value, depth + 1)
    if isinstance(value, ast.Subscript) and isinstance(value.value, ast.Name):
        bindings = reading.bindings.get(value.value.id, [])
        if len(bindings) != 1 or not isinstance(bindings[0][0], ast.Assign) \
                or not isinstance(bindings[0][0].value, ast.Dict) or value.value.id in reading.global_in_functions \
                or any(isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name) and n.value.id == value.value.id
                       and not isinstance(n.ctx, ast.Load) for n in reading.nodes) \
                or any(isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == value.value.id
                       and n.attr in MUTATING_METHODS for n in reading.nodes):
            return None
        texts = [_constant_texts(reading, v, depth + 1) for v in bindings[0][0].value.values]
        return None if any(t is None for t in texts) else [t for ts in texts for t in ts]
    if isinstance(value, ast.Attribute):
        # a class body's `MSG = "..."`, or `self.msg = "..."` wherever an attribute of that name is set
        assigned = [st.value for cls in reading.classes for st in cls.body
                    if isinstance(st, ast.Assign) and any(isinstance(t, ast.Name) and t.id == value.attr
                                                          for t in st.targets)]
        stores = [n for n in reading.nodes if isinstance(n, ast.Attribute) and n.attr == value.attr
                  and not isinstance(n.ctx, ast.Load)]
        set_to = {id(t): st.value for st in reading.nodes if isinstance(st, ast.Assign) and len(st.targets) == 1
                  for t in st.targets}
        if any(id(n) not in set_to for n in stores):
            return None  # set otherwise than by a plain assignment (+=, a loop, unpacking, del)
        assigned += [set_to[id(n)] for n in stores]
        if not assigned:
            return None
        texts = [_constant_texts(reading, v, depth + 1) for v in assigned]
        return None if any(t is None for t in texts) else [t for ts in texts for t in ts]
    return None


def _arguments_for(reading: _Reading, name: ast.Name) -> list[ast.expr] | None:
    """When ``name`` is a named parameter of a module-level function, never bound again in it, and that function is
    read nowhere but as the callee of plain calls (no ``*``/``**`` spread, no decorator): the expressions every call
    passes it, with its default where a call leaves it out (fairness round 56: ``def show(fmt, *tensors):
    print(fmt.format(*tensors))``, called as ``show("in {0.shape}", x)``); of a method, those of
    :func:`_method_arguments_for`.  None otherwise."""
    parents = _parents(reading)
    function = parents.get(id(name))
    while function is not None and not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda,
                                                              ast.ClassDef)):
        function = parents.get(id(function))
    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) or function.args.posonlyargs:
        return None
    owner = parents.get(id(function))
    if isinstance(owner, ast.ClassDef):
        return _method_arguments_for(reading, function, owner, name)
    if function.decorator_list or reading.bindings.get(function.name, []) != [(function, True)] \
            or function.name in reading.global_in_functions:
        return None
    calls = {id(n.func): n for n in reading.nodes if isinstance(n, ast.Call)}
    found: list[ast.Call] = []
    for node in reading.nodes:
        if not (isinstance(node, ast.Name) and node.id == function.name):
            continue
        call = calls.get(id(node))
        if call is None:
            return None  # handed on as a value: any text may come
        found.append(call)
    return _parameter_values(function, name.id, found, [0] * len(found))


def _parameter_values(function: ast.FunctionDef | ast.AsyncFunctionDef, name: str, calls: list[ast.Call],
                      skipped: list[int]) -> list[ast.expr] | None:
    """The expressions ``calls`` of ``function`` pass its parameter ``name`` (the first ``skipped[i]`` of its
    positional parameters bound by the ``i``-th call's form, a method's ``self``), its default where a call leaves it
    out; None when ``name`` is rebound in the function, a scope inside it may shadow it, or a call spreads its
    arguments (``*args``, ``**kwargs``: any text may come)."""
    parameters = [a.arg for a in function.args.args]
    keyword_only = [a.arg for a in function.args.kwonlyargs]
    if name not in parameters + keyword_only:
        return None
    inner = list(ast.walk(function))
    if any(isinstance(n, ast.Name) and n.id == name and not isinstance(n.ctx, ast.Load) for n in inner) \
            or any(isinstance(n, (ast.Global, ast.Nonlocal)) and name in n.names for n in inner) \
            or any(isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)) and n is not function
                   for n in inner):
        return None  # rebound, or a scope inside that may shadow it
    if name in parameters:
        index = parameters.index(name)
        defaults = function.args.defaults
        default = defaults[index - (len(parameters) - len(defaults))] \
            if index >= len(parameters) - len(defaults) else None
    else:
        index = None
        default = function.args.kw_defaults[keyword_only.index(name)]
    passed: list[ast.expr] = []
    for call, skip in zip(calls, skipped):
        if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
            return None
        if index is not None and index < skip:
            return None  # the parameter is the object the method is called on
        given = [k.value for k in call.keywords if k.arg == name]
        if index is not None and index - skip < len(call.args):
            given.append(call.args[index - skip])
        if not given and default is None:
            return None
        passed += given or [default]
    return passed or None


def _method_arguments_for(reading: _Reading, function: ast.FunctionDef | ast.AsyncFunctionDef,
                          owner: ast.ClassDef, name: ast.Name) -> list[ast.expr] | None:
    """:func:`_arguments_for` of a method (fairness round 58: ``def _log(self, fmt, *args): print(fmt.format(*args))``
    called as ``self._log("input {}", x.shape)``, or a static method called as ``CNN.log(...)``): when the method is
    a top-level class's, plain or static, its name is no name torch's ``nn.Module`` knows (torch calls those with
    arguments of its own), nothing else in the source is spelled so (no other definition, assignment, bare name or
    text such as ``getattr(self, "_log")``), and every attribute of that name is the callee of a call: the
    expressions those calls pass it.  A call through the class (``CNN._log(self, ...)``) passes ``self`` itself;
    one through ``type(self)`` or ``self.__class__`` is not told from one through an instance, and gives None."""
    method = function.name
    if not isinstance(_parents(reading).get(id(owner)), ast.Module) \
            or reading.bindings.get(owner.name, []) != [(owner, True)] \
            or method.startswith("__") or method in _torch_module_names():
        return None
    static = False
    for decorator in function.decorator_list:
        if isinstance(decorator, ast.Name) and decorator.id == "staticmethod" and "staticmethod" not in reading.bindings:
            static = True
        else:
            return None
    calls = {id(n.func): n for n in reading.nodes if isinstance(n, ast.Call)}
    class_names = {c.name for c in reading.classes}
    found: list[ast.Call] = []
    skipped: list[int] = []
    for node in reading.nodes:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == method \
                and node is not function:
            return None
        if isinstance(node, ast.Name) and node.id == method \
                or isinstance(node, ast.Constant) and node.value == method \
                or isinstance(node, ast.alias) and method in (node.name, node.asname) \
                or isinstance(node, ast.arg) and node.arg == method \
                or isinstance(node, ast.keyword) and node.arg == method:
            return None
        if not (isinstance(node, ast.Attribute) and node.attr == method):
            continue
        call = calls.get(id(node))
        if call is None or not isinstance(node.ctx, ast.Load):
            return None  # handed on as a value, or set: any text may come
        through = node.value
        if isinstance(through, ast.Call) or isinstance(through, ast.Attribute) and through.attr == "__class__":
            return None
        found.append(call)
        skipped.append(0 if static or isinstance(through, ast.Name) and through.id in class_names else 1)
    return _parameter_values(function, name.id, found, skipped)


def _format_fields(texts: list[str]) -> set[str]:
    """The attribute names the replacement fields of the format strings ``texts`` read (``{0.shape}`` reads
    ``shape``, ``{x[0].f_back}`` reads ``f_back``); a text that is no format string reads none."""
    import string

    names: set[str] = set()
    for text in texts:
        pending = [text]
        try:
            while pending:
                for _, field, spec, _ in string.Formatter().parse(pending.pop()):
                    if field:
                        names.update(re.findall(r"\.([^.\[]+)", field))
                    if spec and "{" in spec:
                        pending.append(spec)  # nested fields: "{0:{1.f_back}}"
        except ValueError:
            continue  # str.format raises on it: it reads nothing
    return names


#: traceback's functions that write every caller's file and line as text (its frame readers are unreadable anywhere).
STACK_TEXT = frozenset({"format_stack", "print_stack"})
#: What takes a ``stacklevel`` from the caller's frames: warnings' functions (a logger's methods take it by keyword).
WARNING_FUNCTIONS = frozenset({"warnings.warn", "warnings.warn_explicit"})
#: Their names, however the module that has them is reached.
WARN_NAMES = frozenset(name.rpartition(".")[2] for name in WARNING_FUNCTIONS)


def _may_be_warn(reading: _Reading, func: ast.expr) -> bool:
    """Whether a call of ``func`` may be one of warnings' functions though the reader cannot resolve it: an
    attribute named as one (``_notes().warn``, ``_Notes.warnings.warn``) that is no logger's method, or a name
    bound to warnings or to one of its functions somewhere (:func:`_warning_names`)."""
    while isinstance(func, ast.Attribute) and func.attr == "__call__":
        func = func.value
    if isinstance(func, ast.Attribute):
        if _own_member(reading, func) and _only_defined(reading, func.attr):
            # `self.warn(msg, level, extra)`, `log.warn("%d (%s)", a, b)` with `log = Log()`: the class's own method,
            # read where it is called (fairness round 52)
            return False
        return func.attr in WARN_NAMES and not _logger_method(reading, func)
    return isinstance(func, ast.Name) and func.id in _warning_names(reading)


def _own_member(reading: _Reading, node: ast.Attribute) -> bool:
    """Whether ``node`` reads a name the submission's own class binds, on that class's instance (``self.warn`` in
    its method, ``cfg.warn`` of ``cfg = Config()``)."""
    return id(node) in reading.own_attributes or _own_instance_member(reading, node)


def _class_body_bindings(reading: _Reading, name: str) -> list[ast.stmt]:
    """The statements of the submission's class bodies that bind ``name`` (a ``def``, an assignment, an import)."""
    return [statement for cls in reading.classes for statement in cls.body if name in _names_bound_by(statement)]


def _only_defined(reading: _Reading, name: str) -> bool:
    """Whether the submission's classes bind ``name`` and only with a ``def`` in their bodies: never by assignment
    (``warn = staticmethod(...)``), nor set on an object anywhere (``self.warn = ...``)."""
    bound = _class_body_bindings(reading, name)
    return bool(bound) and all(isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef)) for b in bound) and not any(
        isinstance(n, ast.Attribute) and n.attr == name and not isinstance(n.ctx, ast.Load) for n in reading.nodes)


def _warning_function(reading: _Reading, func: ast.expr) -> str | None:
    """Which of warnings' functions ``func`` is, when it is one: named through a module-level import, an import in
    the function around it (``import warnings`` in a helper: fairness round 50), or a module-level alias bound once
    (``warn = warnings.warn``)."""
    while isinstance(func, ast.Attribute) and func.attr == "__call__":
        func = func.value  # warnings.warn.__call__(...) is a call of warn (attack round 66)
    resolved = _resolved(reading, func)
    if resolved in WARNING_FUNCTIONS:
        return resolved
    root = func
    while isinstance(root, ast.Attribute):
        root = root.value
    if not isinstance(root, ast.Name) or root.id not in _warning_names(reading):
        return None
    function = _function_binding(reading, root)
    if function is not None:
        for statement in ast.walk(function):
            if isinstance(statement, (ast.Import, ast.ImportFrom)):
                for alias in statement.names:
                    bound = alias.asname or alias.name.split(".")[0]
                    if bound != root.id:
                        continue
                    dotted = alias.name if isinstance(statement, ast.Import) and alias.asname else (
                        alias.name.split(".")[0] if isinstance(statement, ast.Import)
                        else f"{statement.module}.{alias.name}")
                    chain = _root(func)[1].split(".")[1:]
                    full = ".".join([dotted, *chain])
                    if full in WARNING_FUNCTIONS:
                        return full
        return None
    bindings = reading.bindings.get(root.id, [])
    if func is root and len(bindings) == 1 and isinstance(bindings[0][0], ast.Assign) \
            and root.id not in reading.global_in_functions and len(bindings[0][0].targets) == 1 \
            and isinstance(bindings[0][0].targets[0], ast.Name):
        aliased = _resolved(reading, bindings[0][0].value)
        return aliased if aliased in WARNING_FUNCTIONS else None
    return None


def _warning_names(reading: _Reading) -> frozenset:
    """The names anything in the submission binds to warnings or to its functions (an import anywhere, an alias of
    ``warnings.warn``), memoised per reading: only those are followed by :func:`_warning_function` (following every
    name to the function binding it tripled the reader's time)."""
    if "warning names" not in reading.memo:
        names: set[str] = set()
        assigns = [node for node in reading.nodes if isinstance(node, ast.Assign)]
        for node in reading.nodes:
            if isinstance(node, ast.Import):
                names |= {a.asname or a.name.split(".")[0] for a in node.names if a.name.split(".")[0] == "warnings"}
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "warnings":
                # warn itself, not catch_warnings (handed to isinstance or a `with` it is no warning)
                names |= {a.asname or a.name for a in node.names if a.name in WARN_NAMES}
                if any(a.name == "*" for a in node.names):
                    names |= WARN_NAMES
        while True:  # aliases of those (`W = warnings`, `warn = W.warn`), to a fixed point
            more = {t.id for node in assigns for t in node.targets if isinstance(t, ast.Name) and (
                isinstance(node.value, ast.Attribute) and node.value.attr in WARN_NAMES
                or isinstance(node.value, ast.Name) and node.value.id in names)} - names
            if not more:
                break
            names |= more
        reading.memo["warning names"] = frozenset(names)
    return reading.memo["warning names"]


def _warn_out_of_sight(reading: _Reading, node: ast.AST, parents: dict) -> str | None:
    """Why a call of warnings' functions would escape the stacklevel rule at ``node``: the function read other than
    as a call's function or a module-level alias's value (``[warnings.warn][0]``, a dict of them).  None
    otherwise."""
    loaded = isinstance(node, (ast.Name, ast.Attribute)) and isinstance(node.ctx, ast.Load)
    warning = _warning_function(reading, node) if loaded else None
    parent = parents.get(id(node))
    if warning is not None:
        if isinstance(parent, ast.Assign) and parent.value is node and len(parent.targets) == 1 \
                and isinstance(parent.targets[0], ast.Name) \
                and _warning_function(reading, ast.Name(id=parent.targets[0].id, ctx=ast.Load())) is not None \
                and _function_binding(reading, parent.targets[0]) is None:
            return None  # `warn = warnings.warn`, bound once: its calls are read as warn's (_warning_function)
        if not (isinstance(parent, ast.Call) and parent.func is node) \
                and not (isinstance(parent, ast.Attribute) and parent.value is node
                         and parent.attr in FUNCTION_LABELS | {"__call__"}):
            return f"{warning} handed on as a value (the stacklevel of its calls cannot be read)"
    elif loaded and (isinstance(node, ast.Attribute) and node.attr in WARN_NAMES and not _logger_method(reading, node)
                     and not _own_member(reading, node)  # a flag of the class's own (`self.warn = warn`: round 52)
                     or isinstance(node, ast.Name) and node.id in _warning_names(reading)):
        # warnings, or a function of it, that the reader cannot resolve (a function's own import, a class body's,
        # a module a function returns: attack round 67): every call spelled `.warn(...)` or through a plain name
        # bound to it is read as warn's (_may_be_warn); handed on any other way, its calls cannot be
        if not (isinstance(parent, ast.Call) and parent.func is node) \
                and not (isinstance(parent, ast.Attribute) and parent.value is node) \
                and not (isinstance(parent, ast.Assign) and parent.value is node and len(parent.targets) == 1
                         and isinstance(parent.targets[0], ast.Name)):
            return f"{ast.unparse(node)} (warnings or its warn) handed on as a value (the stacklevel of its calls " \
                   "cannot be read)"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "getattr" \
            and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant) \
            and (f"{_resolved(reading, node.args[0])}.{node.args[1].value}" in WARNING_FUNCTIONS
                 or node.args[1].value in WARN_NAMES):
        return f"getattr(..., {node.args[1].value!r}) (the stacklevel of its calls cannot be read)"
    return None


def _logger_method(reading: _Reading, func: ast.expr) -> bool:
    """Whether ``func`` is a logging method of a logger: ``logging.info``, ``logging.root.debug``, or ``log.debug``
    with ``log`` bound only to ``logging.getLogger(...)``."""
    if not (isinstance(func, ast.Attribute) and func.attr in LOGGING_METHODS):
        return False
    if _resolved(reading, func.value) in ("logging", "logging.root") or _makes_a_logger(reading, func.value):
        return True  # (`logging.getLogger("cnn").warn(...)`)
    if isinstance(func.value, ast.Attribute) and id(func.value) in reading.own_attributes:
        # `self.logger.warn(...)`, the instance's attribute set only to loggers (fairness round 52)
        stores = [n for n in reading.nodes if isinstance(n, ast.Assign) for t in n.targets
                  if isinstance(t, ast.Attribute) and t.attr == func.value.attr]
        if _class_body_bindings(reading, func.value.attr):
            return False  # (a class body's `logger = ...`, what an instance without its own reads: attack round 71)
        return bool(stores) and all(len(n.targets) == 1 and _makes_a_logger(reading, n.value) for n in stores) \
            and not any(isinstance(n, ast.Attribute) and n.attr == func.value.attr and not isinstance(n.ctx, ast.Load)
                        and not any(n is t for st in stores for t in st.targets) for n in reading.nodes)
    if not isinstance(func.value, ast.Name) or func.value.id in reading.imported \
            or func.value.id in reading.global_in_functions or _function_binding(reading, func.value) is not None:
        return False
    bindings = reading.bindings.get(func.value.id, [])
    return bool(bindings) and all(isinstance(b, ast.Assign) and len(b.targets) == 1 and isinstance(b.targets[0], ast.Name)
                                  and _makes_a_logger(reading, b.value) for b, _ in bindings)


#: What reading a function's name hands nothing on to: its labels (``f.__name__``), ``help(f)``.
FUNCTION_LABELS = frozenset({"__name__", "__qualname__", "__doc__", "__module__"})


def _constant_off(reading: _Reading, value: ast.expr) -> bool:
    """Whether ``value`` is a false constant, or a name bound at module level to false constants only and not
    changed through a namespace (``VERBOSE = False``: fairness round 52's ``stack_info=VERBOSE``)."""
    if isinstance(value, ast.Constant):
        return not value.value
    import builtins

    constants = _module_constants(reading, value)
    # bound at the top level only, never in a branch that may not run, never deleted, and not a built-in's name that
    # would stand where the binding did not run (attack round 71: `if 0: abs = False`, `abs = False; del abs`)
    return constants is not None and all(plain and not constant.value for constant, plain in constants) \
        and not hasattr(builtins, value.id) and not any(
        isinstance(n, ast.Name) and n.id == value.id and isinstance(n.ctx, ast.Del) for n in reading.nodes)


def _module_constants(reading: _Reading, value: ast.expr) -> list[tuple[ast.Constant, bool]] | None:
    """When ``value`` is a name every binding of which is a module-level assignment of a constant to names alone, not
    changed through a namespace: each such constant, with whether its statement stands directly in a unit's body;
    else None."""
    if not isinstance(value, ast.Name) or _function_binding(reading, value) is not None \
            or value.id in reading.global_in_functions or _namespace_written(reading):
        return None
    bindings = reading.bindings.get(value.id, [])
    if not bindings or not all(
            isinstance(b, (ast.Assign, ast.AnnAssign)) and isinstance(b.value, ast.Constant)
            and all(isinstance(t, ast.Name) for t in (b.targets if isinstance(b, ast.Assign) else [b.target]))
            for b, _ in bindings):
        return None
    return [(b.value, plain) for b, plain in bindings]


def _at_most_the_caller(reading: _Reading, value: ast.expr, most: int = 2) -> bool:
    """Whether a ``stacklevel`` is at most ``most``, 2 at first (the warning's own line, or its caller's): a
    constant; a name bound at module level to such constants only (a cell run twice binds it twice, an annotation
    may say it is an int); a parameter whose default is one and that no call gives another (by keyword or by
    position, each a constant that is one); such a value plus a constant within the bound (fairness rounds 46 and
    48: ``STACKLEVEL = 2``, ``def _check_kernel(kernel, stacklevel=2)``, ``stacklevel=stacklevel + 1``)."""
    def small(node, most=most) -> bool:
        return isinstance(node, ast.Constant) and type(node.value) is int and node.value <= most

    if small(value):
        return True
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
        for term, other in ((value.left, value.right), (value.right, value.left)):
            if isinstance(other, ast.Constant) and type(other.value) is int and 0 <= other.value <= most:
                return _at_most_the_caller(reading, term, most - other.value)
        return False
    if not isinstance(value, ast.Name):
        return False
    function = _function_binding(reading, value)
    if function is None:
        constants = _module_constants(reading, value)
        return constants is not None and all(small(constant) for constant, _ in constants)
    positional = function.args.posonlyargs + function.args.args
    defaults = _parameter_defaults(function)
    if value.id not in defaults or not small(defaults[value.id]) or isinstance(function, ast.Lambda) \
            or _rebound_in(function, value.id):
        return False  # (a parameter set again in the body: `stacklevel = 5`)
    parents = _parents(reading)
    for n in reading.nodes:
        # its name read anywhere (a method's as any object's attribute: `f = obj.at`) but as a call's function,
        # the builtin help's argument or to read a label of it
        if not (isinstance(n, ast.Name) and n.id == function.name and isinstance(n.ctx, ast.Load)
                or isinstance(n, ast.Attribute) and n.attr == function.name and isinstance(n.ctx, ast.Load)):
            continue
        parent = parents.get(id(n))
        if isinstance(parent, ast.Call) and (parent.func is n or (
                isinstance(parent.func, ast.Name) and parent.func.id == "help" and _the_builtin(reading, parent.func))):
            continue
        if isinstance(parent, ast.Attribute) and parent.attr in FUNCTION_LABELS:
            continue
        return False  # handed on as a value (`map(warn_at, range(2, 60))`: attack round 59), called with anything
    names = [a.arg for a in positional]
    index = names.index(value.id) if value.id in names else None
    for call in reading.nodes:  # no call gives it another value
        if isinstance(call, ast.Call) and getattr(call.func, "id", getattr(call.func, "attr", None)) == function.name:
            # through an instance a method's first parameter is the instance; through its class, or a function
            # named like the method, it is the call's first argument (attack round 62): both are read
            places = {index} if index is not None else set()
            if index and isinstance(call.func, ast.Attribute):
                places.add(index - 1)
            if any(len(call.args) > at and not small(call.args[at]) for at in places) or any(
                    isinstance(a, ast.Starred) for a in call.args) or any(
                    k.arg in (value.id, None) and not small(k.value) for k in call.keywords):
                return False
    return True


def _the_builtin(reading: _Reading, name: ast.Name) -> bool:
    """Whether ``name`` is Python's built-in of that name where it is read: nothing of the submission's binds it,
    at module level, as an import, or in a function around it (a parameter ``help=operator.call``: attack round
    62)."""
    return name.id not in reading.bindings and name.id not in reading.imported \
        and _function_binding(reading, name) is None and not any(
            isinstance(n, ast.arg) and n.arg == name.id for n in reading.nodes) \
        and name.id not in _class_body_names(reading) \
        and not _bound_by_a_comprehension_around(reading, name)  # (a default read in a class body that binds
    # `float`: attack round 116)


def _bound_by_a_comprehension_around(reading: _Reading, name: ast.Name) -> bool:
    """Whether a comprehension around ``name`` binds it (its own scope: ``[repr(x) for repr in [copy.copy]]``,
    attack round 133)."""
    parents = _parents(reading)
    node = name
    while (node := parents.get(id(node))) is not None and not isinstance(
            node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef, ast.Module)):
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)) and any(
                isinstance(t, ast.Name) and t.id == name.id for g in node.generators for t in ast.walk(g.target)):
            return True
    return False


def _handed_names(node: ast.AST) -> tuple[str, ...]:
    """The names ``node`` binds to whatever object the code is handed: a function's or a lambda's parameter, a
    ``match`` capture, an ``except`` clause's name."""
    if isinstance(node, ast.arg):
        return (node.arg,)
    if isinstance(node, (ast.MatchAs, ast.MatchStar, ast.ExceptHandler)) and node.name:
        return (node.name,)
    if isinstance(node, ast.MatchMapping) and node.rest:
        return (node.rest,)
    return ()


def _own_record_class(reading: _Reading, name: str) -> bool:
    """Whether ``name`` is one of the submission's own classes whose instances hold only what its code and its
    callers put there: a plain class (:func:`_plain_own_class`, a ``@dataclass`` too), a class deriving from
    ``typing.NamedTuple``, or ``collections.namedtuple("Spec", fields)`` bound to the name."""
    if _plain_own_class(reading, name):
        return True
    bindings = _bindings_in_force(reading, name)
    return bool(bindings) and all(
        (isinstance(b, ast.ClassDef) and not b.keywords and b.bases and all(
            _resolved_once(reading, base) == "typing.NamedTuple"
            or isinstance(base, ast.Name) and _plain_own_class(reading, base.id) for base in b.bases))
        or (isinstance(b, ast.Assign) and isinstance(b.value, ast.Call) and isinstance(b.value.func, ast.Name)
            and reading.imported.get(b.value.func.id) in ("collections.namedtuple", "typing.NamedTuple")
            and all(isinstance(a, (ast.Constant, ast.List, ast.Tuple)) for a in b.value.args))
        for b in bindings)


def _passes_a_module(reading: _Reading, call: ast.Call, local: _Scope) -> str | None:
    """The name of an imported module (``F``, ``torch``) handed to a call as a value, if any: inside the
    callee, ``self.conv2d`` may then be torch's."""
    import sys

    for arg in list(call.args) + [k.value for k in call.keywords]:
        arg = arg.value if isinstance(arg, ast.Starred) else arg
        if isinstance(arg, ast.Name) and arg.id not in local and arg.id in reading.imported \
                and reading.imported[arg.id] in sys.modules:
            return arg.id
    return None


#: The built-in tests of a class, which call nothing of the class they are given.
CLASS_TESTS = ("isinstance", "issubclass")


def _class_tests(reading: _Reading) -> set[int]:
    """The classes an ``isinstance``/``issubclass`` test names (its second argument, or an element of a tuple
    there), by node id: comparing with a class runs none of its code (fairness round 27: a shape hook testing
    ``isinstance(module, (torch.nn.Conv2d, torch.nn.MaxPool2d))`` read as a call of torch's convolution).  None
    when the submission binds either name anywhere (a parameter, an assignment, an import, an attribute): a test
    of its own may call what it is given (so may one named by a string: ``setattr(builtins, "isinstance", f)``)."""
    if "class_tests" not in reading.memo:
        bound = any(
            (isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load) and n.id in CLASS_TESTS)
            or (isinstance(n, ast.arg) and n.arg in CLASS_TESTS)
            or (isinstance(n, ast.Attribute) and n.attr in CLASS_TESTS)
            or (isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and n.name in CLASS_TESTS)
            or (isinstance(n, ast.alias) and (n.asname or n.name).split(".")[-1] in CLASS_TESTS)
            or (isinstance(n, ast.Constant) and n.value in CLASS_TESTS)  # setattr(builtins, "isinstance", f)
            or (isinstance(n, (ast.Global, ast.Nonlocal)) and set(n.names) & set(CLASS_TESTS))
            or (isinstance(n, (ast.MatchAs, ast.MatchStar)) and n.name in CLASS_TESTS)
            for n in reading.nodes)
        found: set[int] = set()
        if not bound:
            for n in reading.nodes:
                if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in CLASS_TESTS \
                        and len(n.args) == 2 and not n.keywords:
                    second = n.args[1]
                    found.update(id(e) for e in (second.elts if isinstance(second, ast.Tuple) else [second]))
        reading.memo["class_tests"] = found
    return reading.memo["class_tests"]


def _own_class_member(reading: _Reading, node: ast.Attribute, local: _Scope) -> bool:
    """Whether ``node`` (``ByHand.conv2d``) reads a member of a class the source itself defines, or of an
    instance of such a class (see :func:`_makes_a_plain_instance`).

    Its name is then no evidence of torch: the class's root name is reached too, so its whole
    body (``conv2d = staticmethod(F.conv2d)`` included), and every later change made to it
    (``ByHand.conv2d = F.conv2d``, ``setattr``), are read like any other reached code.
    """
    root, _ = _root(node)
    if root is None or root in local:
        return False
    bindings = _bindings_in_force(reading, root)
    return bool(bindings) and (all(isinstance(b, ast.ClassDef) for b in bindings) or all(
        _makes_a_plain_instance(reading, b) for b in bindings))


#: Most calls in a chain (``Grid(x).padded(p).conv(k)``) through which the class of an instance is followed.
MAX_RECEIVER_CALLS = 8


def _own_method(reading: _Reading, node: ast.Attribute, local: _Scope) -> bool:
    """Whether ``node`` (``Grid(image).padded(p).conv``) is a method of the submission's own class, called on
    an instance that provably is one: its name (``conv``, ``pool``) is then no evidence of torch.

    Provably: the receiver is a call of one of its plain classes (:func:`_plain_own_class`, so no base of
    torch's supplies the name), or a call of such a method whose every ``return`` gives one (``return Grid(z)``,
    ``return self``).  The name must be a plain ``def`` of that class, under which nothing else is bound
    (:func:`_instance_names`); the class is reached by its name in the receiver, so that ``def`` is read like
    any other reached code.  Any other receiver (a local, a parameter, a value a method returns) may be
    torch's: its name counts."""
    if not isinstance(node.ctx, ast.Load):
        return False
    classes = _instance_classes(reading, node.value, local, 0)
    return bool(classes) and all(_method_def(reading, cls, node.attr) is not None for cls in classes)


def _instance_classes(reading: _Reading, node: ast.AST, local: _Scope, calls: int) -> list[ast.ClassDef]:
    """The submission's own plain classes ``node`` is an instance of, when the text proves it; else empty."""
    if not isinstance(node, ast.Call) or calls > MAX_RECEIVER_CALLS:
        return []
    func = node.func
    if isinstance(func, ast.Name):
        if func.id in local or func.id in reading.global_in_functions \
                or not _plain_own_class(reading, func.id):
            return []
        return [b for b in _bindings_in_force(reading, func.id) if isinstance(b, ast.ClassDef)]
    if not isinstance(func, ast.Attribute):
        return []
    found: list[ast.ClassDef] = []
    for cls in _instance_classes(reading, func.value, local, calls + 1):
        method = _method_def(reading, cls, func.attr)
        returned = _returned_classes(reading, cls, method, calls + 1) if method is not None else []
        if not returned:
            return []
        found += returned
    return found


def _returned_classes(reading: _Reading, cls: ast.ClassDef, method: ast.FunctionDef, calls: int) -> list[ast.ClassDef]:
    """The classes of what ``method`` (called on an instance of ``cls``) returns, when every ``return`` in it
    gives ``self`` or a call of one of the submission's plain classes that the method does not rebind."""
    first = method.args.args[0].arg if method.args.args else None
    own = {a.arg for a in method.args.posonlyargs + method.args.args + method.args.kwonlyargs
           + [method.args.vararg, method.args.kwarg] if a is not None}
    own |= {n for st in _walk_scope_body(method) if isinstance(st, ast.stmt) for n in _names_bound_by(st)}
    returns = [n for n in _walk_scope_body(method) if isinstance(n, (ast.Return, ast.Yield, ast.YieldFrom))]
    if not returns or any(not isinstance(r, ast.Return) or r.value is None for r in returns):
        return []
    found: list[ast.ClassDef] = []
    for r in returns:
        if isinstance(r.value, ast.Name) and r.value.id == first and first is not None:
            found.append(cls)
            continue
        value = r.value
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in own:
            return []
        classes = _instance_classes(reading, value, _Scope(frozenset(own - {first} if first else own)), calls)
        if not classes:
            return []
        found += classes
    return found


def _method_def(reading: _Reading, cls: ast.ClassDef, attr: str) -> ast.FunctionDef | None:
    """The plain ``def`` an instance of ``cls`` (one of the submission's plain classes) has under ``attr``,
    when nothing else is bound under that name in its classes or set on ``self`` by their methods."""
    names = _instance_names(reading, cls)
    if names is None or names.get(attr) != "method":
        return None
    for current in _class_hierarchy(reading, cls):
        for statement in current.body:
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and statement.name == attr:
                return statement if isinstance(statement, ast.FunctionDef) else None
    return None


def _makes_a_plain_instance(reading: _Reading, binding: ast.AST) -> bool:
    """``CFG = Config(...)`` where ``Config`` is a class the source defines with no bases but its own
    classes: an attribute of ``CFG`` (``CFG.pool_size``) is then set by the class's code, the call's
    arguments or a later change to ``CFG``, all read once ``CFG`` is reached; nothing inherited hides there."""
    call = binding.value if isinstance(binding, ast.Assign) else None
    return isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and _own_record_class(reading, call.func.id)


def _plain_own_class(reading: _Reading, name: str, seen: frozenset = frozenset()) -> bool:
    """Whether ``name`` is bound only to classes of the source whose bases are its own plain classes or
    :data:`PLAIN_BASES` (``abc.ABC``: fairness round 51's abstract base of q6's functions), with no metaclass but
    :data:`PLAIN_METACLASSES`."""
    bindings = _bindings_in_force(reading, name)
    return name not in seen and bool(bindings) and all(
        isinstance(b, ast.ClassDef) and all(
            k.arg == "metaclass" and _resolved_once(reading, k.value) in PLAIN_METACLASSES for k in b.keywords)
        and all(isinstance(base, ast.Name) and (_plain_own_class(reading, base.id, seen | {name})
                                                 or base.id == "object" and base.id not in reading.bindings)
                or _resolved_once(reading, base) in PLAIN_BASES for base in b.bases)
        for b in bindings)


def _aliases(reading: _Reading, reached: set[str], held=None, unread: frozenset | set = frozenset()) -> list[str]:
    """Module-level names bound to an object that a reached name also holds (``_O = _Ops``): what is done
    through them is done to a reached object.  ``held(name, statement)``: whether what ``name`` holds as that
    statement runs is an object reached (fairness round 58: `reference = conv2d` made before the loops holds a first
    draft that nothing checked calls).  ``unread``: reached names the code reached only adds to, which are found
    too when they hold a reached object's elements (`C.append(SLOTS[0])` reached from SLOTS, then `_remember(C[0],
    F.conv2d)`: the author's probes of attack round 98)."""
    found = [name for name in _owners_of_local_loops_over(reading, reached) if name not in reached]
    found += [name for name in unread if name not in found and _filled_with_elements_changed(reading, name, reached)]
    holders: dict[str, set[str]] = {}  # (for _loops_over_a_holder, made once a call)
    for name, bindings in reading.bindings.items():
        if name in reached or name in found:
            continue
        _tick(reading)
        for node, _ in bindings:
            if isinstance(node, ast.Assign) and len(node.targets) > 1 and any(
                    isinstance(t, ast.Name) and t.id in reached for t in node.targets):
                found.append(name)  # (`_KEPT = _FILL = []`: one object, two names; attack round 86)
                break
            if isinstance(node, (ast.For, ast.AsyncFor)) and (
                    _loops_over_a_holder(reading, node, name, reached, held, holders)
                    or _loops_over_elements_of(reading, node, name, reached, held)) \
                    or _holds_elements_of(reading, node, name, reached, held):
                found.append(name)
                break
            if _filled_with_elements_changed(reading, name, reached):
                found.append(name)  # (a container given elements of a reached object: `C.append(SLOTS[0])`)
                break
            if isinstance(node, ast.Match) and isinstance(node.subject, ast.Name) \
                    and _a_table_of_constants(reading, node.subject.id):
                continue  # (`match CFG: case {"kernel": ks}`: an item of a table of constants is a constant)
            value = getattr(node, "value", None)  # (`_inner = _Ops.table` holds part of a reached object)
            if not isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.NamedExpr, ast.For,
                                     ast.AsyncFor)):
                value = _bound_from(reading, node, name) or (value if isinstance(value, ast.AST) else None)
            taken = node.iter if isinstance(node, (ast.For, ast.AsyncFor)) else value if isinstance(
                node, ast.Assign) and any(isinstance(t, (ast.Tuple, ast.List)) for t in node.targets) else None
            if taken is not None:
                # a loop's target or an unpacking's takes elements out of a display made there (`for _A in [_B]`,
                # `[_A] = [_B]`: round 89); over a module's list (`for label, out in HISTORY`) it holds an element
                # of it, no alias of the list (fairness round 62)
                value = ast.Call(func=ast.Name(id="next", ctx=ast.Load()), args=[taken], keywords=[]) if isinstance(
                    taken, (ast.Tuple, ast.List, ast.Set, ast.Call)) else None
            # `(_B, 0)[0]`, `next(_same(_B))`: a display's element, or what a call of the submission's (or next/iter
            # of one) hands back of its argument, is the object itself (attack round 87)
            if value is not None and _constant_items_taken(reading, value):
                continue  # (`stride = CFG["stride"]`: a constant, no part of the object: fairness round 65)
            plain = value
            while isinstance(plain, (ast.Attribute, ast.Subscript)):
                plain = plain.value
            for held_name in _handed_through(reading, value):
                if held_name in reached and held_name not in reading.imported \
                        and (held is None or held(held_name, node)) \
                        and not (isinstance(value, ast.Call) and _reads_only_constant_items(
                            reading, _parents(reading), value, held_name)) \
                        and not (_sets_items_only(node) and _a_function_alone(reading, held_name)) and (
                        isinstance(plain, ast.Name) and plain.id == held_name or not all(
                            isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import,
                                           ast.ImportFrom)) for b, _ in reading.bindings.get(held_name, []))):
                    # (other spellings only of an object a call can change: a loop over `[conv2d, reference]`
                    # hands its variable no list of the module's, fairness round 45)
                    found.append(name)
                    break
            else:
                continue
            break
    return found


def _shared_elements(reading: _Reading, value: ast.AST, depth: int = 0) -> set[str]:
    """The module-level names whose elements ``value`` holds or is: ``list(SLOTS)``, ``iter(SLOTS)``, ``next(_it)``,
    ``SLOTS[:]``, ``TABLE.values()``, ``[*SLOTS]``."""
    if depth > 8:
        return set()
    if isinstance(value, ast.Name):
        return {value.id}
    if isinstance(value, (ast.Subscript, ast.Starred)):
        return _shared_elements(reading, value.value, depth + 1)
    if isinstance(value, (ast.List, ast.Tuple, ast.Set)):
        return {n for e in value.elts for n in _shared_elements(reading, e, depth + 1)}
    if isinstance(value, ast.Dict):  # (`{0: SLOTS[0]}`, `{**T}`)
        return {n for v in value.values for n in _shared_elements(reading, v, depth + 1)}
    if isinstance(value, (ast.IfExp, ast.BoolOp, ast.NamedExpr)):  # (one of its values: `s or None`, `(y := s)`)
        parts = [value.body, value.orelse] if isinstance(value, ast.IfExp) else value.values if isinstance(
            value, ast.BoolOp) else [value.value]
        return {n for part in parts for n in _shared_elements(reading, part, depth + 1)}
    if isinstance(value, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
        # a comprehension whose element is its own variable, or a display of them, holds the elements of what they
        # iterate over (`[s for s in SLOTS]`, `{i: s for i, s in enumerate(SLOTS)}`, `[[s] for s in SLOTS]`: attack
        # round 98); not of an item of one (`[e["shape"] for e in LOG]`, LOG only appended to by conv2d, handed on
        # by a self-check: fairness round 65), nor what a call makes of one (`[len(s) for s in SLOTS]`)
        own = {n.id for g in value.generators for n in ast.walk(g.target) if isinstance(n, ast.Name)}
        sources = {n for g in value.generators for n in _shared_elements(reading, g.iter, depth + 1)} - own
        found = set()
        parts = [value.key, value.value] if isinstance(value, ast.DictComp) else [value.elt]
        while parts:
            part = parts.pop()
            if isinstance(part, (ast.Tuple, ast.List, ast.Set)):  # (`[[s] for s in SLOTS]`, `[(s, 1) for ...]`)
                parts.extend(part.elts)
            elif isinstance(part, (ast.Starred, ast.NamedExpr)):  # (`[*s]`, `[(y := s) for ...]`)
                parts.append(part.value)
            elif isinstance(part, ast.IfExp):  # (`[s if ok else None for ...]`)
                parts.extend((part.body, part.orelse))
            elif isinstance(part, ast.BoolOp):  # (`[s or None for ...]`)
                parts.extend(part.values)
            elif isinstance(part, ast.Name) and part.id in own:
                found |= sources
            else:
                found |= _shared_elements(reading, part, depth + 1) - own  # (`[SLOTS[i] for i in range(2)]`)
        return found
    if isinstance(value, ast.BinOp) and isinstance(value.op, (ast.Add, ast.Mult)):  # (`SLOTS + []`, `SLOTS * 1`)
        return _shared_elements(reading, value.left, depth + 1) | _shared_elements(reading, value.right, depth + 1)
    if isinstance(value, ast.Call) and (
            isinstance(value.func, ast.Name) and value.func.id in ELEMENT_SHARING_BUILTINS | {"dict"}
            and _unshadowed(reading, value.func.id) or isinstance(value.func, ast.Call)):
        if isinstance(value.func, ast.Name) and value.func.id == "dict" and len(value.args) == 1 \
                and isinstance(value.args[0], ast.Name) and not value.keywords:
            return set()  # (a table copied: :func:`_a_table_copied`'s own)
        # (and what a call a call made is given: `operator.itemgetter(0)(SLOTS)`; keywords: `dict(a=SLOTS[0])`)
        return {n for a in [*value.args, *(k.value for k in value.keywords)]
                for n in _shared_elements(reading, a, depth + 1)}
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) \
            and value.func.attr in ELEMENT_SHARING_METHODS:
        return _shared_elements(reading, value.func.value, depth + 1)
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "fromkeys" \
            and value.args:  # (`dict.fromkeys(SLOTS)`: its keys)
        return _shared_elements(reading, value.args[0], depth + 1)
    return set()


def _filled_with_elements_changed(reading: _Reading, name: str, reached: set[str]) -> bool:
    """The changes made to ``name``'s object give it elements of a reached object (:func:`_filled_from`), and an
    element of it is changed or handed to a call that may keep (as :func:`_holds_elements_of` reads a copy)."""
    filled = {source for source in _filled_from(reading, name) if source in reached
              and source not in reading.imported and _holds_objects(reading, source)}
    return bool(filled) and (any(_changed_or_handed(reading, holder) for holder in _element_holders(reading, name))
                             or any(_an_object_item_used(reading, name, source) for source in filled))


def _filled_from(reading: _Reading, name: str) -> set[str]:
    """The names whose elements the module-level ``name``'s object is given by the changes made to it
    (``C.append(SLOTS[0])``, ``D.update(a=SLOTS[0])``, ``C[0] = SLOTS[0]``, ``C += [SLOTS[0]]``: attack round 98's
    probes): it holds elements of theirs as a copy does.  Memoised."""
    memo = reading.memo.setdefault("filled_from", {})
    if name in memo:
        return memo[name]
    found: set[str] = set()

    def module_names_shared(value: ast.AST) -> set[str]:  # (not a function's own `fn` of `IMPLS.append(fn)`)
        return {n for n in _shared_elements(reading, value) if any(
            isinstance(x, ast.Name) and x.id == n and _local_scope_of(reading, x) is None for x in ast.walk(value))}

    for node in reading.mutations.get(name, []):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in MUTATING_METHODS and isinstance(node.func.value, ast.Name) \
                and node.func.value.id == name and _local_scope_of(reading, node.func.value) is None:
            for value in [*node.args, *(k.value for k in node.keywords)]:
                found |= module_names_shared(value)
        elif isinstance(node, (ast.Assign, ast.AugAssign)) and _spells_the_module_name(reading, node, name) and any(
                isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name) and t.value.id == name
                for t in (node.targets if isinstance(node, ast.Assign) else [node.target])):
            found |= module_names_shared(node.value)
    for node, _ in reading.bindings.get(name, []):
        if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and node.target.id == name:
            found |= module_names_shared(node.value)
    memo[name] = found - {name}
    return memo[name]


def _unpacked_into(statement: ast.AST, target: str) -> tuple[ast.AST, bool] | None:
    """When ``statement`` unpacks a value into names, ``target`` among them (``a, b = SLOTS``, ``first, *rest =
    SLOTS``, ``(ka, a), (kb, b) = T.items()``): that value, and whether ``target`` is starred (a list of elements,
    not one); None otherwise."""
    if not isinstance(statement, ast.Assign):
        return None
    for t in statement.targets:
        if not isinstance(t, (ast.Tuple, ast.List)):
            continue
        for n in ast.walk(t):
            if isinstance(n, ast.Starred) and isinstance(n.value, ast.Name) and n.value.id == target:
                return statement.value, True
            if isinstance(n, ast.Name) and n.id == target:
                return statement.value, False
    return None


def _holds_elements_of(reading: _Reading, statement: ast.AST, target: str, reached: set[str], held) -> bool:
    """``statement`` binds ``target`` to what holds a reached object's elements or is one of them (``COPY =
    list(SLOTS)``, ``_it = iter(SLOTS)``, ``slot = next(_it)``): what is done to an element through it is done to
    the reached object's (holes found probing the loops on 2026-12-03), when something changes it or hands it to a
    call that may keep (as :func:`_loops_over_elements_of`)."""
    def reached_in(value):
        return {name for name in _shared_elements(reading, value) if name in reached and name not in reading.imported
                and _holds_objects(reading, name) and (held is None or held(name, statement))}

    unpacked = _unpacked_into(statement, target)
    if unpacked is not None:  # (`a, b = SLOTS`, `first, *rest = SLOTS`, `h, t = Impl`: attack round 98)
        value, starred = unpacked
        if _constant_items_taken(reading, value) or not reached_in(value):
            return False
        return any(_changed_or_handed(reading, holder) for holder in _element_holders(reading, target)) if starred \
            else _changed_or_handed(reading, target)
    value = statement.value if _the_name_bound(statement) == target else None
    if not isinstance(statement, (ast.Assign, ast.AnnAssign)):  # (`if (x := SLOTS[0]) is not None:`: round 98)
        value = next((n.value for n in ast.walk(statement) if isinstance(n, ast.NamedExpr) and n.target.id == target
                      and _local_scope_of(reading, n.target) is None), None)
    if value is None or isinstance(value, ast.Name) or _constant_items_taken(reading, value):
        return False  # (a name bound to a name: the alias rule's own)
    copied = _a_table_copied(reading, value)
    if copied is not None and copied in reached and (held is None or held(copied, statement)):
        return _an_object_item_used(reading, target, copied)
    shared = reached_in(value)
    if not shared:
        return False
    if isinstance(value, ast.Call) and (isinstance(value.func, ast.Name) and value.func.id in ("next", "min", "max")
                                        or isinstance(value.func, ast.Call)) \
            or isinstance(value, ast.Subscript) and not isinstance(value.slice, ast.Slice):
        # an element itself (`next(_it)`, `max(SLOTS, key=...)`, `operator.itemgetter(0)(SLOTS)`: attack round 98;
        # what a call a call made hands back may be a container too)
        if _changed_or_handed(reading, target) or not isinstance(value, ast.Call) \
                or not isinstance(value.func, ast.Call):
            return _changed_or_handed(reading, target)
    # a container of the elements (`COPY = list(SLOTS)`, `_it = iter(SLOTS)`): what takes elements out of it, or an
    # item of it used (`_remember(COPY[0], f)`, `ROWS[0][0].fn = f`: attack round 98), not the copy handed whole
    # (`_check(list(_B), _ref)` hands a new list: fairness rounds 47 and 64)
    return any(_changed_or_handed(reading, holder) for holder in _element_holders(reading, target)) \
        or any(_an_object_item_used(reading, target, name) for name in shared)


def _owners_of_local_loops_over(reading: _Reading, reached: set[str]) -> set[str]:
    """The module-level defs and classes holding a loop of a function's own over what is made of a reached object
    (``def _setup(): for slot in SLOTS: _remember(slot, F.conv2d)``) whose variable the function changes or hands to
    a call: read as code reached, since what it does to an element is done to the reached object's (a hole found
    probing the loops on 2026-12-03; a module-level loop's variable is an alias: :func:`_loops_over_elements_of`)."""
    return {owner for owner, iterated in _local_loops_changing_their_variables(reading)
            if owner not in reached and any(_holds_objects(reading, name) for name in
                                            (iterated | {m for n in iterated for m in _element_sources(reading, n)})
                                            & reached)}


def _element_sources(reading: _Reading, name: str, depth: int = 0) -> set[str]:
    """The module-level names whose elements the module-level ``name`` holds, through any number of copies (``D =
    dict(enumerate(SLOTS))``, ``C = SLOTS[:]``, ``E = C + []``: what a function takes out of ``D`` is an element of
    SLOTS's, attack round 98).  Memoised."""
    memo = reading.memo.setdefault("element_sources", {})
    if name in memo:
        return memo[name]
    memo[name] = set()  # (a cycle of copies ends here)
    found: set[str] = set()
    for node, _ in reading.bindings.get(name, []):
        value = node.iter if isinstance(node, (ast.For, ast.AsyncFor)) else getattr(node, "value", None)
        if isinstance(value, ast.AST) and (_the_name_bound(node) == name or isinstance(node, (ast.For, ast.AsyncFor))
                                           or _unpacked_into(node, name) is not None):
            found |= _shared_elements(reading, value) - {name}
    found |= _filled_from(reading, name)
    if depth < 8:
        found |= {m for n in found for m in _element_sources(reading, n, depth + 1)}
    memo[name] = found - {name}
    return memo[name]


def _holds_objects(reading: _Reading, name: str) -> bool:
    """The module-level ``name`` is bound to something other than defs and imports (a list, a table, a class whose
    members are objects: an Enum's), and is no table of constants (:func:`_a_table_of_constants`: `cfg =
    dict(DEFAULTS)` then `cfg["out_channels"] = 1` changes no element of DEFAULTS, fairness round 65)."""
    bindings = reading.bindings.get(name, [])
    return bool(bindings) and not all(isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Import, ast.ImportFrom))
                                      for b, _ in bindings) and not _a_table_of_constants(reading, name) and not (
        # (an instance of plain data, `CFG = Config()`, holds constants: `def __init__(self, cfg=CFG)` building
        # layers of `cfg.pool_size`, fairness round 3, as _calls_given reads it)
        name not in reading.global_in_functions
        and all(_makes_plain_data(reading, b) or _makes_immutable(reading, b) for b, _ in bindings))


def _local_loops_changing_their_variables(reading: _Reading) -> list[tuple[str, frozenset]]:
    """Of each loop in a function whose variable that function changes or hands to a call: the name of the outermost
    def or class around it, and the names its iterable is made of (memoised)."""
    found = reading.memo.get("local_loops")
    if found is not None:
        return found
    found = []
    parents = _parents(reading)
    changed_in: dict[int, set[str]] = {}  # function -> the names it changes or hands to a call that may keep
    made_of: dict[int, dict[str, set[str]]] = {}  # function -> its locals -> the names of what they hold
    for loop in reading.nodes:
        _tick(reading)
        if not isinstance(loop, (ast.For, ast.AsyncFor, ast.Assign, ast.AnnAssign, ast.NamedExpr, ast.With,
                                 ast.AsyncWith, ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) \
                or not (functions := _functions_around(reading, loop)):
            continue
        if isinstance(loop, (ast.For, ast.AsyncFor)) and isinstance(loop.iter, (ast.List, ast.Tuple, ast.Set,
                                                                               ast.Dict)):
            continue  # (as _loops_over_elements_of)
        function = functions[0]
        if id(function) not in changed_in:
            changed_in[id(function)] = _names_changed_or_handed_in(reading, function)
            made_of[id(function)] = _locals_made_of(reading, function)
        if isinstance(loop, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            # a parameter's default made of a module's object (`def _fill(s=SLOTS[0])`, `lambda s=SLOTS[0]: ...`:
            # the author's probes of attack round 98)
            arguments = loop.args
            pairs = [*zip((arguments.posonlyargs + arguments.args)[::-1], arguments.defaults[::-1]),
                     *zip(arguments.kwonlyargs, arguments.kw_defaults)]
            pairs = [(a, d) for a, d in pairs if d is not None and not _constant_items_taken(reading, d)]
            spelled = {n for a, d in pairs for n in _shared_elements(reading, d)}
            targets = {a.arg for a, d in pairs if _shared_elements(reading, d)}
        elif isinstance(loop, (ast.With, ast.AsyncWith)):  # (what a context manager hands back may be what it is
            # given: `with nullcontext(SLOTS) as w`, attack round 98)
            spelled = {n.id for item in loop.items if item.optional_vars is not None
                       for n in ast.walk(item.context_expr) if isinstance(n, ast.Name)}
            targets = {n.id for item in loop.items if item.optional_vars is not None
                       for n in ast.walk(item.optional_vars) if isinstance(n, ast.Name)}
        elif isinstance(loop, (ast.For, ast.AsyncFor)):
            spelled = {n.id for n in ast.walk(loop.iter) if isinstance(n, ast.Name)}
            targets = {n.id for n in ast.walk(loop.target) if isinstance(n, ast.Name)
                       and not _a_constant_column(reading, loop, n.id)}
        elif loop.value is None:
            continue
        else:
            # a local bound to what holds elements of a module-level object, or to one of them (`a, b = SLOTS`,
            # `T = SLOTS`, `first = next(s for s in SLOTS)`: attack round 98)
            spelled = set() if _constant_items_taken(reading, loop.value) else _shared_elements(reading, loop.value)
            targets = {n.id for t in (loop.targets if isinstance(loop, ast.Assign) else [loop.target])
                       for n in ast.walk(t) if isinstance(n, ast.Name)}
        # a local the function made of a module's object stands for that object (`T = SLOTS; for s in T`, `gen = (s
        # for s in SLOTS); for s in gen`, `T = {0: SLOTS[0]}; for k, s in T.items()`: attack round 98)
        local_sources = made_of[id(function)]
        iterated = frozenset(m for n in spelled for m in (local_sources.get(n, ()) if n in local_sources else [n])
                             if m not in reading.imported)
        if not iterated or not targets & changed_in[id(function)]:
            continue
        node, outermost = loop, loop if isinstance(loop, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
        while (node := parents.get(id(node))) is not None:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                outermost = node
            elif outermost is None and isinstance(node, ast.stmt) and _the_name_bound(node) is not None:
                outermost = node  # (a module-level `f = lambda s=SLOTS[0]: ...`: f)
        if outermost is not None:
            found.append((getattr(outermost, "name", None) or _the_name_bound(outermost), iterated))
    reading.memo["local_loops"] = found
    return found


def _locals_made_of(reading: _Reading, function: ast.AST) -> dict[str, set[str]]:
    """A function's own names bound to what holds elements of another name (:func:`_shared_elements`), or looped over
    it: each -> the names not its own that what it holds is made of (through its other locals, to a fixed point)."""
    own = _function_locals(function)[0]
    direct: dict[str, set[str]] = {}
    for n in (_walk_scope(function.body) if isinstance(function, ast.Lambda) else _walk_scope_body(function)):
        if isinstance(n, (ast.Assign, ast.AnnAssign, ast.NamedExpr)) and n.value is not None:
            names = _shared_elements(reading, n.value)
            targets = n.targets if isinstance(n, ast.Assign) else [n.target]
        elif isinstance(n, (ast.For, ast.AsyncFor, ast.comprehension)):
            names = _shared_elements(reading, n.iter)
            targets = [n.target]
        else:
            continue
        for t in targets:
            for bound in ast.walk(t):
                if isinstance(bound, ast.Name) and bound.id in own:
                    direct.setdefault(bound.id, set()).update(names)
    resolved = {name: set(names) for name, names in direct.items()}
    for _ in range(8):
        changed = False
        for name, names in resolved.items():
            wider = {m for n in names for m in (resolved.get(n, ()) if n in resolved and n != name else [n])}
            wider.discard(name)
            if wider != names:
                resolved[name], changed = wider, True
        if not changed:
            break
    return resolved


def _names_changed_or_handed_in(reading: _Reading, function: ast.AST) -> set[str]:
    """The names a function's body hands to a call that may keep (or calls a method of, with more than plain data),
    or changes an attribute or item of, by spelling: one walk of the body."""
    names: set[str] = set()
    for st in (function.body if isinstance(function.body, list) else [function.body]):  # (a lambda's is one)
        for n in ast.walk(st):
            if isinstance(n, ast.Call) and not _keeps_nothing_it_is_handed(reading, n):
                names |= {v.id for piece in [*n.args, *(k.value for k in n.keywords)] for v in _values_in(piece)
                          if isinstance(v, ast.Name) and not _keeps_nothing_of_its_arguments(reading, n, v.id)}
                if isinstance(n.func, ast.Attribute):
                    names |= {v.id for v in _values_in(n.func.value) if isinstance(v, ast.Name)
                              and not _a_plain_method_call(reading, n, v.id)}
            elif isinstance(n, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                names |= {_plain_base(t).id for t in (n.targets if isinstance(n, ast.Assign) else [n.target])
                          if isinstance(t, (ast.Attribute, ast.Subscript)) and isinstance(_plain_base(t), ast.Name)}
    return names


def _a_table_copied(reading: _Reading, value: ast.AST) -> str | None:
    """The module-level name ``value`` is a shallow copy of (``dict(T)``, ``T.copy()``); None otherwise."""
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "dict" \
            and len(value.args) == 1 and not value.keywords and _unshadowed(reading, "dict"):
        source = value.args[0]
    elif isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "copy" \
            and not value.args and not value.keywords:
        source = value.func.value
    else:
        return None
    return source.id if isinstance(source, ast.Name) and reading.bindings.get(source.id) else None


def _constant_keys(reading: _Reading, table: str) -> tuple[set, set]:
    """The keys at which the module-level dict display ``table`` holds a constant, and the others (None among them:
    some key is not known)."""
    constants, others = set(), set()
    for b, _ in reading.bindings.get(table, []):
        if not (_the_name_bound(b) == table and isinstance(b.value, ast.Dict)):
            others.add(None)  # (bound otherwise too: no item of it is known)
            continue
        for k, v in zip(b.value.keys, b.value.values):
            (constants if isinstance(k, ast.Constant) and isinstance(v, ast.Constant) else others).add(
                k.value if isinstance(k, ast.Constant) else None)
    return constants, others


def _constant_items_taken(reading: _Reading, value: ast.AST) -> bool:
    """``value`` takes items of a table's at keys where it holds constants only, which carry no object (``T["k"]``,
    ``T.get("k")``, ``operator.itemgetter("stride", "padding")(T)``: fairness round 65 unpacked a config so)."""
    if isinstance(value, ast.Subscript):
        table, keys = value.value, [value.slice]
    elif isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "get" \
            and len(value.args) == 1 and not value.keywords:
        table, keys = value.func.value, value.args
    elif isinstance(value, ast.Call) and isinstance(value.func, ast.Call) and len(value.args) == 1 \
            and not value.keywords and _resolved(reading, value.func.func) == "operator.itemgetter" \
            and not value.func.keywords:
        table, keys = value.args[0], value.func.args
    else:
        return False
    if not (isinstance(table, ast.Name) and keys and all(isinstance(k, ast.Constant) for k in keys)
            and _local_scope_of(reading, table) is None):
        return False
    constants, others = _constant_keys(reading, table.id)
    if None in others or not _a_table_nothing_changes(reading, table.id):
        return False
    return all(k.value in constants - others for k in keys)


def _a_table_nothing_changes(reading: _Reading, table: str) -> bool:
    """The module-level ``table`` is changed nowhere, through no other name: every use of it reads it (an item at a
    constant key, ``.get``/``.keys``/``.values``/``.items``/``.copy``, ``in``, a loop over its keys, a call that keeps
    nothing it is handed, or one that reads only its constant items), none hands it on (``A = CFG; A["k"] =
    Slot()``, ``_set(CFG)``, ``[CFG][0].update(...)`` and ``for t in [CFG]`` changed the items the constant rules
    took for constants: the author's probes of 2026-12-03).  Memoised."""
    memo = reading.memo.setdefault("tables_nothing_changes", {})
    if table in memo:
        return memo[table]
    parents = _parents(reading)
    memo[table] = False
    if reading.mutations.get(table) or table in reading.global_in_functions or not reading.bindings.get(table):
        return False
    for n in reading.nodes:
        if not (isinstance(n, ast.Name) and n.id == table and _local_scope_of(reading, n) is None):
            continue
        parent = parents.get(id(n))
        if not isinstance(n.ctx, ast.Load):
            if any(b is parent or b is parents.get(id(parent)) for b, _ in reading.bindings[table]):
                continue  # (its own binding)
            return False
        if isinstance(parent, ast.Subscript) and parent.value is n and isinstance(parent.ctx, ast.Load) \
                and isinstance(parent.slice, ast.Constant):
            continue
        call = parents.get(id(parent))
        if isinstance(parent, ast.Attribute) and parent.value is n and parent.attr in READ_ONLY_TABLE_METHODS \
                and isinstance(call, ast.Call) and call.func is parent:
            continue
        if isinstance(parent, ast.Compare) and n in parent.comparators \
                and all(isinstance(op, (ast.In, ast.NotIn)) for op in parent.ops):
            continue
        if isinstance(parent, (ast.For, ast.comprehension)) and parent.iter is n:
            continue
        if isinstance(parent, ast.Call) and n in parent.args and (
                _keeps_nothing_it_is_handed(reading, parent)
                or isinstance(parent.func, ast.Call) and _resolved(reading, parent.func.func) == "operator.itemgetter"
                or _its_parameters_read_only_constant_items(reading, parents, parent, table)):
            continue
        return False
    memo[table] = True
    return True


#: Methods of a dict that read it (or copy it) and change nothing.
READ_ONLY_TABLE_METHODS = frozenset({"get", "keys", "values", "items", "copy"})


def _an_object_item_used(reading: _Reading, copy: str, table: str) -> bool:
    """Whether an item of ``copy`` (a shallow copy of ``table``) that may be one of ``table``'s objects is changed or
    handed to a call that may keep: ``copy[k]`` where ``table``'s display holds no constant at ``k`` (an object, a
    list), or under a key that is no constant (an element of a table changed through a copy of it: a hole found
    probing on 2026-12-03; `cfg = dict(DEFAULTS); cfg["c"] = 1` then `nn.Conv2d(1, cfg["c"], cfg["kernel"])` hands
    constants, fairness round 65)."""
    constants, others = _constant_keys(reading, table)
    for n in reading.nodes:  # (and what the copy is given itself: `cfg["out_channels"] = 1`)
        if isinstance(n, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            for t in (n.targets if isinstance(n, ast.Assign) else [n.target]):
                if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name) and t.value.id == copy:
                    key = t.slice.value if isinstance(t.slice, ast.Constant) else None
                    constant = isinstance(n, ast.Assign) and isinstance(n.value, ast.Constant) and key is not None
                    (constants if constant else others).add(key)
    constants -= others
    if reading.mutations.get(table) or None in others:
        constants = set()  # (the table's own items changed: `DEFAULTS["kernel"] = Slot()` before the copy)
    parents = _parents(reading)
    for n in reading.nodes:
        if not (isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name) and n.value.id == copy
                and isinstance(n.ctx, ast.Load) and _local_scope_of(reading, n.value) is None):
            continue
        if isinstance(n.slice, ast.Constant) and n.slice.value in constants:
            continue
        node, used = n, False
        while (parent := parents.get(id(node))) is not None and not isinstance(parent, ast.stmt):
            if isinstance(parent, ast.Call) and not _keeps_nothing_it_is_handed(reading, parent) and (
                    node is not parent.func or not _a_plain_method_call(reading, parent, copy)):
                used = True  # (handed to it, or a method of the item called)
            if isinstance(parent, (ast.Attribute, ast.Subscript)) and not isinstance(parent.ctx, ast.Load):
                used = True  # (`copy["a"].fn = f`)
            node = parent
        if used:
            return True
    return False


def _changed_or_handed(reading: _Reading, name: str, depth: int = 0) -> bool:
    """The module-level ``name`` is changed, or handed to a call that may keep, somewhere (a function's own variable
    spelled alike aside: `wrapper(*args)`'s `fn(*args)`, fairness round 62); or a name that holds its elements
    (a loop's variable over it, ``COPY = list(SLOTS)``, ``_it = iter(SLOTS)``) is.  Memoised."""
    memo = reading.memo.setdefault("changed_or_handed", {})
    if name in memo:
        return memo[name]
    _tick(reading)
    visiting = reading.memo.setdefault("changed_or_handed_visiting", set())
    if name in visiting:
        return False  # (a cycle of names holding each other's elements: decided where it started)
    visiting.add(name)
    try:
        found = any(_spells_the_module_name(reading, node, name) and not _a_plain_method_call(reading, node, name)
                    for node in [*reading.mutations.get(name, []), *_calls_given(reading, name)]) or depth < 8 and any(
            _changed_or_handed(reading, holder, depth + 1) for holder in _element_holders(reading, name))
    finally:
        visiting.discard(name)
    if depth == 0:  # (below, an answer may rest on a name still being decided)
        memo[name] = found
    return found


def _element_holders(reading: _Reading, name: str) -> set[str]:
    """The module-level names bound to ``name``'s elements, or to what holds them: a loop's variables over what is
    made of it, and names bound to what :func:`_shared_elements` finds it in."""
    holders = set()
    for other, bindings in reading.bindings.items():
        for node, _ in bindings:
            if isinstance(node, (ast.For, ast.AsyncFor)) and any(
                    isinstance(n, ast.Name) and n.id == name for n in ast.walk(node.iter)):
                holders |= {n.id for n in ast.walk(node.target) if isinstance(n, ast.Name) and n.id == other
                            and not _a_constant_column(reading, node, other)}
            elif _the_name_bound(node) == other and not isinstance(node.value, ast.Name) \
                    and name in _shared_elements(reading, node.value):
                holders.add(other)
            elif _unpacked_into(node, other) is not None and name in _shared_elements(reading, node.value):
                holders.add(other)  # (`a, b = COPY`)
        if name in _filled_from(reading, other):
            holders.add(other)  # (`C.append(SLOTS[0])`)
    return holders - {name}


def _a_constant_column(reading: _Reading, loop: ast.AST, target: str) -> bool:
    """``target`` takes only constants in ``loop``: the count of ``enumerate(...)``, or the key of ``T.items()``
    (``sorted(T.items())``...) or of ``T`` itself, ``T`` a dict display of constant keys nothing changes (fairness
    round 65: `for mode, pad_fn in sorted(PADDERS.items())` handed `mode` to conv2d)."""
    iterated = loop.iter
    while isinstance(iterated, ast.Call) and isinstance(iterated.func, ast.Name) \
            and iterated.func.id in ("sorted", "list", "reversed", "tuple") and len(iterated.args) == 1 \
            and not iterated.keywords and _unshadowed(reading, iterated.func.id):
        iterated = iterated.args[0]
    names = loop.target.elts if isinstance(loop.target, ast.Tuple) else [loop.target]
    first = isinstance(names[0], ast.Name) and names[0].id == target
    if isinstance(iterated, ast.Call) and isinstance(iterated.func, ast.Name) and iterated.func.id == "enumerate" \
            and _unshadowed(reading, iterated.func.id):
        return first and len(names) == 2
    keyed = iterated.func.value if isinstance(iterated, ast.Call) and isinstance(iterated.func, ast.Attribute) \
        and iterated.func.attr in ("items", "keys") and not iterated.args else iterated
    if not (isinstance(keyed, ast.Name) and (first and (len(names) == 2) == (keyed is not iterated)
                                             or keyed is iterated and isinstance(loop.target, ast.Name))):
        return False
    if _local_scope_of(reading, keyed) is not None:
        return False  # (a function's own `T = SLOTS` spelled as a module's table of constants: attack round 98)
    bindings = reading.bindings.get(keyed.id, [])
    return bool(bindings) and not reading.mutations.get(keyed.id) and keyed.id not in reading.global_in_functions \
        and all(isinstance(b, ast.Assign) and isinstance(b.value, ast.Dict) and all(
            isinstance(k, ast.Constant) for k in b.value.keys) for b, _ in bindings)


def _loops_over_elements_of(reading: _Reading, loop: ast.AST, target: str, reached: set[str], held) -> bool:
    """``loop`` iterates over what is made of a reached object of the module's (``for slot in SLOTS``, ``for impl in
    Impl`` over an Enum, ``enumerate(SLOTS)``, ``TABLE.values()``): its variable may be each of that object's elements
    in turn, and what is done through it (``_remember(slot, F.conv2d)``, a helper setting an attribute) is done to an
    element the reached code may read (``SLOTS[0].fn``, ``Impl.HAND.fn``: holes found probing the loops on
    2026-12-03).  Not a module's, nor a def's; a variable nothing changes or hands to a call that may keep is none."""
    if target not in {n.id for n in ast.walk(loop.target) if isinstance(n, ast.Name)} \
            or isinstance(loop.iter, (ast.List, ast.Tuple, ast.Set, ast.Dict)) \
            or _a_constant_column(reading, loop, target):
        return False  # (a display's elements are the alias rule's and _loops_over_a_holder's)
    # (any reached name the iterable is made of: `enumerate(SLOTS)`, `TABLE.values()`, `zip(SLOTS, fns)`, `BAG.each()`)
    iterated = {n.id for n in ast.walk(loop.iter) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
                and n.id in reached and n.id not in reading.imported}
    if not any(_holds_objects(reading, name) and (held is None or held(name, loop)) for name in iterated):
        return False
    # only a variable something changes or hands to a call that may keep: reading the elements (`for label, out in
    # HISTORY: print(...)`) is no change of them, and would read the list conv2d only appends to (fairness round 62)
    return _changed_or_handed(reading, target)


def _spells_the_module_name(reading: _Reading, node: ast.AST, name: str) -> bool:
    """``node`` spells the module-level ``name`` somewhere, not only a local of a function or comprehension spelled
    alike (:func:`_local_scope_of`)."""
    return any(isinstance(n, ast.Name) and n.id == name and _local_scope_of(reading, n) is None for n in ast.walk(node))


def _loops_over_a_holder(reading: _Reading, loop: ast.AST, target: str, reached: set[str], held,
                         holders: dict[str, set[str]]) -> bool:
    """``loop`` iterates over what holds a reached object (one a call can change) below its first level: a display
    of displays naming it (``for f, box in [(F.conv2d, _B)]``), or an object holding it as an element at any depth
    (``for f, box in ROWS`` with ``ROWS = [(F.conv2d, _B)]``): its variables may be that object, so what is done
    through them (``_keep(box, f)``, ``_keep(row[1], row[0])``) is done to it (holes found probing the reader's
    loops on 2026-12-03).  (The first level of a display is the alias rule's own: ``for _A in [_B]``.)  Over rows
    unpacked into as many names (``for table, mine, ref in [(STATS, conv2d, _torch_conv)]``), ``target`` holds its own
    column only."""
    names = {n.id for n in ast.walk(loop.iter) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    if not names:
        return False
    if not holders:  # each reached object a call can change (not a def, a class or a module) -> what holds it
        holders.update({reached_name: set(_containers_of(reading, reached_name)[:MAX_CONTAINERS])
                        for reached_name in reached if reached_name not in reading.imported and not all(
                            isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import,
                                           ast.ImportFrom)) for b, _ in reading.bindings.get(reached_name, []))})
        holders.setdefault("", set())  # (made: even when nothing qualifies)
    skipped = _other_columns(loop, target)
    deep = {n.id for element in (loop.iter.elts if isinstance(loop.iter, (ast.List, ast.Tuple, ast.Set)) else [])
            if isinstance(element, (ast.List, ast.Tuple, ast.Set, ast.Dict))
            for n in ast.walk(element) if isinstance(n, ast.Name) and id(n) not in skipped}
    return any((reached_name in deep or containers & names) and (held is None or held(reached_name, loop))
               for reached_name, containers in holders.items() if reached_name)


def _mentions_own_instances(reading: _Reading, value: ast.AST) -> bool:
    """``value`` names a class of the submission's or a module-level name bound to a call of one."""
    classes = {c.name for c in reading.classes}
    if not classes:
        return False
    for n in ast.walk(value):
        if isinstance(n, ast.Name) and (n.id in classes or any(
                isinstance(b, ast.Assign) and isinstance(b.value, ast.Call) and isinstance(b.value.func, ast.Name)
                and b.value.func.id in classes for b, _ in reading.bindings.get(n.id, []))):
            return True
    return False


def _own_classes_hand_back(reading: _Reading) -> list[str]:
    """The module-level names that a method, a lambda or a property of the submission's classes returns or yields
    (memoised per reading)."""
    names = reading.memo.get("own_classes_hand_back")
    if names is None:
        handed: set[str] = set()
        for cls in reading.classes:
            for n in ast.walk(cls):
                value = n.body if isinstance(n, ast.Lambda) else getattr(n, "value", None) if isinstance(
                    n, (ast.Return, ast.Yield, ast.YieldFrom)) else None
                if value is not None:
                    handed |= _module_names_handed(reading, value)
        names = reading.memo["own_classes_hand_back"] = sorted(handed)
    return names


def _module_names_handed(reading: _Reading, value: ast.AST) -> set[str]:
    """The module-level names ``value`` (returned or yielded in a class's method) may hand back: those it spells, and
    through a local of the method, what the method binds to it or its default (`box = _B; return box`, `def
    get(self, box=_B): return box`: holes found probing on 2026-12-03); never a module name spelled like a local
    (`forward(self, x)` returning its `x` handed every CNN() the module's `x`, a self-check's input, fairness round
    66)."""
    names: set[str] = set()
    todo, seen = [value], set()
    while todo and len(seen) < MAX_STORED_VALUES:
        for m in ast.walk(todo.pop()):
            if not isinstance(m, ast.Name) or m.id in ("self", "cls"):
                continue
            scope = _local_scope_of(reading, m)
            if scope is None:
                if m.id in reading.bindings:
                    names.add(m.id)
                continue
            if (id(scope), m.id) in seen:
                continue
            seen.add((id(scope), m.id))
            todo += [b for b in _local_bindings(scope, m.id) if not isinstance(b, ast.stmt)]
            if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                args = scope.args
                positional = args.posonlyargs + args.args
                defaults = dict(zip([a.arg for a in positional[len(positional) - len(args.defaults):]],
                                    args.defaults))
                defaults.update((a.arg, d) for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None)
                if m.id in defaults:
                    todo.append(defaults[m.id])
    return names


def _part_of(*values: ast.AST) -> ast.AST:
    """An expression for a part of any of ``values`` (what :func:`_handed_through` reads as one)."""
    return ast.Subscript(value=ast.List(elts=list(values), ctx=ast.Load()), slice=ast.Constant(0), ctx=ast.Load())


def _bound_from(reading: _Reading, node: ast.AST, name: str) -> ast.AST | None:
    """What a binding without a value of its own binds ``name`` to, for :func:`_aliases` (attack round 90): a
    ``with`` item's context manager (which may hand back what it is given), the subject of a ``match`` (a capture
    is it or a part of it), what the ``try`` an ``except ... as`` handles raises, what a class body binds (its
    attributes), and a walrus in a comprehension, an element of the comprehension's iterables."""
    if isinstance(node, (ast.With, ast.AsyncWith)):
        return _part_of(*(item.context_expr for item in node.items if item.optional_vars is not None and any(
            isinstance(t, ast.Name) and t.id == name for t in ast.walk(item.optional_vars))))
    if isinstance(node, ast.Match):
        return _part_of(node.subject)
    if isinstance(node, ast.ExceptHandler):
        handled = _parents(reading).get(id(node))
        body = getattr(handled, "body", [])
        return _part_of(*(n.exc for st in body for n in ast.walk(st) if isinstance(n, ast.Raise) and n.exc))
    # a decorated def or class is bound to what its decorators hand back (`@_deco def _A(): ...`: round 93)
    decorated = [ast.Call(func=d, args=[ast.Name(id=node.name, ctx=ast.Load())], keywords=[])
                 for d in getattr(node, "decorator_list", [])]
    if isinstance(node, ast.ClassDef):
        # (an attribute bound to the object itself, `box = _B`; not to a part of it, `kernel = DEFAULTS["kernel"]`,
        # which would make the class, and every method of it, the object: fairness round 65)
        return _part_of(*(st.value for st in node.body if isinstance(st, (ast.Assign, ast.AnnAssign))
                          and st.value is not None and not isinstance(st.value, (ast.Subscript, ast.Attribute))),
                        *decorated)
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return _part_of(*decorated) if decorated else None
    walruses = [n for n in ast.walk(node) if isinstance(n, ast.NamedExpr) and n.target.id == name]
    taken = [g.iter for n in ast.walk(node) if isinstance(n, (ast.ListComp, ast.SetComp, ast.GeneratorExp,
                                                              ast.DictComp)) for g in n.generators]
    if walruses and taken:
        return _part_of(*(w.value for w in walruses), *(ast.Call(func=ast.Name(id="next", ctx=ast.Load()), args=[t],
                                                                keywords=[]) for t in taken))
    return None


def _raised_in(reading: _Reading, body: list[ast.AST]) -> list[ast.AST]:
    """What ``body`` may raise, read with it when an ``except ... as e`` around it is reached: its ``raise`` and
    ``assert`` values, its calls (and decorations) of the submission's functions that may raise, with what they are
    handed, and the values those raise (a checking decorator's `assert False, (F.conv2d,)` caught around the def it
    decorates, whose body is the check's, not the def's)."""
    raised: list[ast.AST] = []
    todo, seen = list(body), set()
    while todo:
        statement = todo.pop()
        for n in ast.walk(statement):
            if isinstance(n, ast.Raise) and n.exc is not None:
                raised.append(n.exc)
            elif isinstance(n, ast.Assert) and n.msg is not None:
                raised.append(n.msg)
            called = n.func if isinstance(n, ast.Call) else n if isinstance(n, ast.Name) and isinstance(
                n.ctx, ast.Load) else None
            if isinstance(called, ast.Name) and _may_raise(reading, called.id):
                if isinstance(n, ast.Call):
                    raised.append(n)
                if called.id not in seen:
                    seen.add(called.id)
                    todo += [b for b, _ in reading.bindings.get(called.id, [])
                             if isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef))]
    return raised


def _may_raise(reading: _Reading, name: str) -> bool:
    """``name`` is bound to a function of the submission's that raises, asserts with a message, or calls one that
    may (memoised per reading)."""
    memo = reading.memo.setdefault("may_raise", {})
    if name not in memo:
        memo[name] = False  # (recursion)
        functions = [b for b, _ in reading.bindings.get(name, []) if isinstance(b, (ast.FunctionDef,
                                                                                     ast.AsyncFunctionDef))]
        memo[name] = any(
            isinstance(n, ast.Raise) and n.exc is not None or isinstance(n, ast.Assert) and n.msg is not None
            or isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id != name
            and _may_raise(reading, n.func.id)
            for function in functions for n in ast.walk(function))
    return memo[name]


def _handed_through(reading: _Reading, value: ast.AST | None) -> list[str]:
    """The names whose object ``value`` may be: itself a name, an element of a display, an operand of ``or`` or an
    ``if``-``else``, an element a method, a built-in or a made function hands back, what a sharing call shares, or an
    argument a function of the submission's hands back."""
    found: list[str] = []
    todo = [(value, False)]
    followed: set[int] = set()  # the functions whose returns were taken
    if value is not None and _mentions_own_instances(reading, value):
        # an object of the submission's classes may hand back, through any special method, property or attribute,
        # what any of their methods return (`with _C() as _A`, `for _A in _It()`, `abs(_X)`, `_H().prop`: round 93)
        found += _own_classes_hand_back(reading)

    def own_methods(call: ast.Call, indexed) -> list:
        """A method of the submission's classes by the call's name hands back what it returns or yields, and what it
        is given (`_H().get()` returning the module's list: attack round 93)."""
        more = []
        for function in (m for c in reading.classes for m in c.body
                         if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef)) and m.name == call.func.attr):
            if id(function) in followed:
                continue
            followed.add(id(function))
            more += [(n.value, indexed if isinstance(n, ast.Return) else False) for n in _walk_scope_body(function)
                     if isinstance(n, (ast.Return, ast.Yield, ast.YieldFrom)) and n.value is not None]
            more += [(a.value if isinstance(a, ast.Starred) else a, True) for a in call.args]
            more += [(k.value, True) for k in call.keywords]
        return more
    while todo and len(found) < MAX_CONTAINERS:
        current, indexed = todo.pop()
        item_of = current.value if isinstance(current, ast.Subscript) else current.func.value if isinstance(
            current, ast.Call) and isinstance(current.func, ast.Attribute) and current.func.attr in READING_METHODS \
            else None
        if isinstance(item_of, ast.Name) and _a_table_of_constants(reading, item_of.id):
            if isinstance(current, ast.Call):  # but `.get(k, _B)` hands back its default (attack round 95)
                todo += [(a, indexed) for a in current.args[1:]] + [(k.value, indexed) for k in current.keywords]
            continue  # (an item of a table of constants is a constant: `CFG["stride"]`)
        while isinstance(current, (ast.Attribute, ast.Subscript)) and indexed != ELEMENT:
            indexed = indexed or isinstance(current, ast.Subscript)
            current = current.value
        if isinstance(current, ast.Name) and indexed != ELEMENT:
            found.append(current.id)
        elif isinstance(current, ast.Call) and indexed == ELEMENT and isinstance(current.func, ast.Name) \
                and current.func.id in ELEMENT_TAKING_BUILTINS and current.func.id not in reading.bindings:
            todo += [(a, ELEMENT) for a in current.args]  # (`next(reversed([_B]))`)
        elif isinstance(current, (ast.Tuple, ast.List, ast.Set)) and indexed:
            todo += [(e.value if isinstance(e, ast.Starred) else e, isinstance(e, ast.Starred))
                     for e in current.elts]  # (an element taken out of a display; the display is new; `[*[_B]][0]`)
        elif isinstance(current, ast.Dict) and indexed:
            # (`{"k": _B}["k"]`: attack round 88; `{**{"k": _B}}["k"]` takes the inner dict apart: round 90)
            todo += [(v, key is None) for key, v in zip(current.keys, current.values)]
        elif isinstance(current, (ast.BoolOp, ast.IfExp)):
            todo += [(v, indexed) for v in (current.values if isinstance(current, ast.BoolOp)
                                            else [current.body, current.orelse])]  # (`() or _B`)
        elif isinstance(current, ast.Call) and isinstance(current.func, ast.Attribute) \
                and current.func.attr in ELEMENT_HANDING_METHODS:
            todo.append((current.func.value, True))  # (`_D.setdefault("ops", [])` is an element of _D)
            todo += own_methods(current, indexed)
            # and the default it hands back, or the mapping given it unbound (`{}.get("k", _B)`, `dict.get({0: _B},
            # 0)`: attack round 93)
            todo += [(a, True) for a in current.args] + [(k.value, True) for k in current.keywords]
        elif isinstance(current, ast.Call) and (_resolved(reading, current.func) or "") in SHARING_CALLS:
            # (`copy.copy(_NS)`, `ChainMap(_D)` share what they hold; `SimpleNamespace(box=_B)` by keyword: round 90)
            todo += [(a, indexed) for a in [*current.args, *(k.value for k in current.keywords)]]
        elif isinstance(current, ast.Call) and isinstance(current.func, ast.Lambda):
            todo += [(a, False) for a in current.args]  # (`(lambda x: x)(_B)`: round 89)
            todo += [(d, True) for d in _parameter_defaults(current.func).values()]
            todo.append((current.func.body, indexed))  # (`(lambda: _B)()`: round 90)
        elif isinstance(current, ast.Call) and isinstance(current.func, ast.Call) and (
                _resolved(reading, current.func.func) or "") not in ("operator.itemgetter", "operator.attrgetter"):
            # what a made function hands back: its arguments, or what the call that made it was given or returns
            # (`_make()(_B)`, `functools.partial(_same)(_B)`: attack round 93)
            todo += [(a.value if isinstance(a, ast.Starred) else a, True) for a in current.args]
            todo += [(k.value, True) for k in current.keywords] + [(current.func, indexed)]
        elif isinstance(current, ast.Call) and (isinstance(current.func, ast.Call) or isinstance(
                current.func, ast.Name) and current.func.id in ELEMENT_TAKING_BUILTINS
                and current.func.id not in reading.bindings):
            # an element of what it is given (`next(reversed([_B]))`, `itemgetter(0)([_B])`: round 89): of a display
            # made there, that object; of a module's list, an element of it, no alias of the list (fairness round 62)
            todo += [(a, ELEMENT) for a in current.args]
        elif isinstance(current, ast.Call) and isinstance(current.func, ast.Name) \
                and current.func.id in reading.bindings and not _a_class_call(reading, current):
            # A function of the submission's hands back what it returns or yields (`def _box(): return _B`, `next(
            # _gen())`), and any argument, or part of one, unless all it returns is new (`y = x; return y`,
            # `return kw["x"]`): attack round 90
            arguments = [a.value if isinstance(a, ast.Starred) else a for a in current.args] + [
                k.value for k in current.keywords]
            for binding, _ in reading.bindings.get(current.func.id, []):
                function = binding.value if isinstance(binding, ast.Assign) and isinstance(
                    binding.value, ast.Lambda) else binding
                if id(function) in followed or not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                                         ast.Lambda)):
                    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef,
                                                 ast.Import, ast.ImportFrom)):
                        todo += [(a, True) for a in arguments]  # (a name bound to any other callable)
                    continue
                followed.add(id(function))
                if getattr(function, "decorator_list", None):
                    # a decorator may make the name another function (`@_swap` handing back `lambda b: b`: round 95)
                    todo += [(a, True) for a in arguments]
                # (a parameter's default is what it hands back when not given: `(lambda b=_B: b)()`, round 93)
                todo += [(d, True) for d in _parameter_defaults(function).values()]
                returned = [function.body] if isinstance(function, ast.Lambda) else [
                    n.value for n in _walk_scope_body(function) if isinstance(n, ast.Return) and n.value is not None]
                yielded = [] if isinstance(function, ast.Lambda) else [
                    n.value for n in _walk_scope_body(function)
                    if isinstance(n, (ast.Yield, ast.YieldFrom)) and n.value is not None]
                handed = returned + yielded
                # (what a generator yields is an element of what the call hands back: `next(_gen())`)
                todo += [(v, indexed) for v in returned] + [(v, False if indexed == ELEMENT else indexed)
                                                            for v in yielded]
                if indexed or not all(_fresh(v) or _a_fresh_local(function, v) or _plain_arithmetic(reading, v)
                                      or _made_by_a_new_value_call(reading, v) for v in handed):
                    todo += [(a, True) for a in arguments]
        elif isinstance(current, ast.Call) and not _makes_a_new_value(reading, current, indexed):
            # any other call may hand back what it is given, or part of it (`dict(k=_B)["k"]`, `deque([_B]).popleft()`,
            # `operator.getitem([_B], 0)`, `functools.reduce(...)`, `KeyError(_B).args[0]`, an instance of the
            # submission's keeping it: attack round 90), and a method what its object holds
            # (a method hands back what its object holds, not what it is given: `model.to(device)`, fairness round
            # 55; but `get`/`setdefault`/`pop` their default)
            # (in an element taken out of the result, an element of what it was given: `s, p = DEFAULTS.values()`)
            part = ELEMENT if indexed == ELEMENT else True
            method = isinstance(current.func, ast.Attribute) and _resolved(reading, current.func) is None
            if method:
                todo.append((current.func.value, part))
                todo += own_methods(current, indexed)
            if not method or current.func.attr in ELEMENT_HANDING_METHODS:  # (a module's function: `deque([_B])`)
                given = [a.value if isinstance(a, ast.Starred) else a for a in current.args] + [
                    k.value for k in current.keywords]
                # a function of the submission's it is given may be called there, and what it returns handed back
                # (`json.loads("{}", object_pairs_hook=_hook)` with `_hook` returning a module's list: round 95)
                for callback in given:
                    if isinstance(callback, ast.Name):
                        for binding, _ in reading.bindings.get(callback.id, []):
                            function = binding.value if isinstance(binding, ast.Assign) and isinstance(
                                binding.value, ast.Lambda) else binding
                            if isinstance(function, ast.Lambda) and id(function) not in followed:
                                followed.add(id(function))
                                todo.append((function.body, True))
                            elif isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) \
                                    and id(function) not in followed:
                                followed.add(id(function))
                                todo += [(n.value, True) for n in _walk_scope_body(function)
                                         if isinstance(n, (ast.Return, ast.Yield, ast.YieldFrom)) and n.value is not None]
                if part is ELEMENT:
                    todo += [(a, ELEMENT) for a in given]
                elif indexed or not (isinstance(current.func, ast.Name) and current.func.id in FRESH_CONSTRUCTORS
                                     and current.func.id not in reading.bindings):
                    # any name in what it is given, at any depth (`sum([[_B]], [])[0]`), but the functions called
                    # there; a new container holds its arguments' elements only (`dict(k=_B)["k"]`)
                    called = {id(n.func) for a in given for n in ast.walk(a) if isinstance(n, ast.Call)}
                    found += [n.id for a in given for n in ast.walk(a) if isinstance(n, ast.Name)
                              and isinstance(n.ctx, ast.Load) and id(n) not in called
                              and not _an_item_of_constants(reading, n)]
        elif isinstance(current, ast.BinOp) and indexed:
            todo += [(current.left, indexed), (current.right, indexed)]  # (`([_B] * 1)[0]`)
        elif isinstance(current, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)) and indexed:
            # (`[x for x in [_B]][0]`): an element is made of what its generators take out of their iterables
            todo += [(g.iter, ELEMENT) for g in current.generators]
    return found


#: Calls whose result is a new value that holds none of their arguments: numbers, texts, tensors.


def _a_fresh_local(function: ast.AST, value: ast.AST) -> bool:
    """``value`` is a local of ``function`` (no parameter of it) that every binding in it makes a new object
    (``out = []; ...; return out``: fairness round 3's shapes helper handed a config)."""
    if not isinstance(value, ast.Name) or isinstance(function, ast.Lambda) \
            or value.id in _parameter_names(function) | _sent_names(function):
        return False
    bindings = [n for n in _walk_scope_body(function) if isinstance(n, (ast.Assign, ast.AnnAssign, ast.AugAssign,
                                                                        ast.NamedExpr, ast.For, ast.With, ast.Global,
                                                                        ast.Nonlocal))
                and any(isinstance(t, ast.Name) and t.id == value.id for t in ast.walk(
                    n.target if isinstance(n, (ast.AnnAssign, ast.AugAssign, ast.NamedExpr, ast.For)) else
                    ast.Tuple(elts=list(n.targets), ctx=ast.Store()) if isinstance(n, ast.Assign) else n))
                or isinstance(n, (ast.Global, ast.Nonlocal)) and value.id in n.names
                or isinstance(n, (ast.MatchAs, ast.MatchStar)) and n.name == value.id  # (a capture: round 93)
                or isinstance(n, ast.MatchMapping) and n.rest == value.id]
    def fresh_binding(n: ast.AST) -> bool:
        if not isinstance(n, (ast.Assign, ast.AnnAssign)) or n.value is None:
            return False
        for target in (n.targets if isinstance(n, ast.Assign) else [n.target]):
            if isinstance(target, ast.Name):
                if not _fresh(n.value):
                    return False
            elif isinstance(target, ast.Tuple) and isinstance(n.value, ast.Tuple) \
                    and len(target.elts) == len(n.value.elts):  # (`side, out = cfg.size, []`: element by element)
                if any(isinstance(t, ast.Name) and t.id == value.id and not _fresh(v)
                       for t, v in zip(target.elts, n.value.elts)):
                    return False
                if any(not isinstance(t, ast.Name) for t in target.elts):
                    return False
            else:
                return False
        return True

    return bool(bindings) and all(fresh_binding(n) for n in bindings)


#: Special methods that make an operator's result; a class of the submission's defining one may hand an operand back.
OPERATOR_DUNDERS = frozenset({f"__{op}__" for base in (
    "add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "xor", "or")
    for op in (base, "r" + base, "i" + base)} | {"__neg__", "__pos__", "__invert__", "__abs__", "__lt__", "__le__",
                                                 "__gt__", "__ge__", "__eq__", "__ne__"})


def _other_columns(loop: ast.AST, name: str) -> set[int]:
    """The nodes of a loop's rows that ``name`` is not bound to, when the loop unpacks a display of displays
    (``for table, mine, ref in [(STATS, conv2d, _torch_conv)]``: ``table`` holds only ``STATS``, fairness round 64);
    else none."""
    target, rows = loop.target, loop.iter
    if not (isinstance(target, ast.Tuple) and all(isinstance(t, ast.Name) for t in target.elts)
            and [t.id for t in target.elts].count(name) == 1 and isinstance(rows, (ast.List, ast.Tuple))
            and all(isinstance(row, ast.Tuple) and len(row.elts) == len(target.elts)
                    and not any(isinstance(e, ast.Starred) for e in row.elts) for row in rows.elts)):
        return set()
    column = [t.id for t in target.elts].index(name)
    return {id(n) for row in rows.elts for i, element in enumerate(row.elts) if i != column
            for n in ast.walk(element)}


#: Calls whose result is a new plain value whatever they are handed: built-ins Python makes return an exact bool,
#: int or float (``float(x)`` converts what ``__float__`` gives), and torch's comparisons (a bool or a tensor of them).
PLAIN_RESULT_BUILTINS = frozenset({"bool", "int", "float", "len", "isinstance", "issubclass", "callable", "hash", "id"})
PLAIN_RESULT_FUNCTIONS = frozenset({"torch.allclose", "torch.equal", "torch.isclose", "math.isclose"})


#: torch's convolutions and poolings that always return new tensors (or a tuple of them) of numbers, whatever they
#: are given: a self-check's ``ref = F.conv2d(x[None, None], k[None, None])[0, 0]`` binds a result, never the
#: function (not `copy.deepcopy`, `time.struct_time`, `torch.as_tensor`: they may hand back what they are given).
TENSOR_RESULTS = frozenset(
    {f"torch.nn.functional.{n}" for n in ("conv1d", "conv2d", "conv3d", "max_pool1d", "max_pool2d", "avg_pool1d",
                                          "avg_pool2d", "adaptive_avg_pool2d", "adaptive_max_pool2d", "unfold", "fold")}
    | {f"torch.{n}" for n in ("conv1d", "conv2d", "conv3d", "max_pool1d", "max_pool2d", "avg_pool1d")})


def _a_fresh_tensor(reading: _Reading, value: ast.AST) -> ast.Call | None:
    """The call of :data:`TENSOR_RESULTS` whose new tensor ``value`` is (or an element of it: ``F.conv2d(x, k)[0,
    0]``), none writing into a tensor it is given (``out=``); None for any other value."""
    while isinstance(value, ast.Subscript):
        value = value.value
    fresh = isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) \
        and BUILT_IN.search(value.func.attr) and _bound_by_imports_only(reading, value.func) \
        and _resolved(reading, value.func) in TENSOR_RESULTS and not any(
            k.arg in (None, "out", "inplace") for k in value.keywords) \
        and not any(isinstance(a, ast.Starred) for a in value.args)
    return value if fresh else None


def _a_method_of(call: ast.Call, name: str) -> bool:
    """``call`` calls a method of the object ``name`` is bound to (``LOG.log(...)``)."""
    return isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name) and call.func.value.id == name


def _a_plain_method_call(reading: _Reading, call: ast.AST, name: str) -> bool:
    """``call`` calls a method of ``name``'s object with plain data alone (``LOG.log(f"ref: {ref.shape}")``,
    ``image.sum()``, ``out.view(-1)``): it hands the object nothing of another."""
    return isinstance(call, ast.Call) and _a_method_of(call, name) \
        and all(not isinstance(a, ast.Starred) and _stores_plain_data(reading, a) for a in call.args) \
        and all(k.arg is not None and _stores_plain_data(reading, k.value) for k in call.keywords)


def _stores_plain_data(reading: _Reading, value: ast.AST) -> bool:
    """``value`` is plain data whatever the objects it is computed from: constants (a tuple of them), what a call of
    :data:`PLAIN_RESULT_BUILTINS` or :data:`PLAIN_RESULT_FUNCTIONS` returns (``torch.allclose(...)``, ``float(...)``),
    a comparison, arithmetic or ``and``/``or`` of those, or a module-level name bound only to one of those and
    nowhere else (``same = torch.allclose(mine(x, k), ref(x, k))``): stored, it holds nothing of what computed it
    (not a function: ``torch.compile(f)`` makes a new value that is code; not a comparison of other objects, whose
    dunder may return anything: attack round 96's `_K() < 0` handing back torch's functions)."""
    def plain(node: ast.AST, depth: int = 0) -> bool:
        if depth > 16:
            return False
        if _constant_data(node) and not isinstance(node, (ast.List, ast.Set, ast.Dict)) \
                or isinstance(node, ast.JoinedStr):  # (an f-string is a new text, whatever it formats)
            return True
        if isinstance(node, ast.Compare):
            return all(plain(o, depth + 1) for o in [node.left, *node.comparators])
        if isinstance(node, ast.BinOp):
            return plain(node.left, depth + 1) and plain(node.right, depth + 1)
        if isinstance(node, ast.UnaryOp):
            return isinstance(node.op, ast.Not) or plain(node.operand, depth + 1)
        if isinstance(node, ast.BoolOp):  # (one of its operands)
            return all(plain(v, depth + 1) for v in node.values)
        if isinstance(node, ast.Name):
            # (a module-level name bound nowhere else: a class body's or a function's own `same` is another name)
            bindings = reading.bindings.get(node.id, [])
            return depth == 0 and bool(bindings) and node.id not in reading.global_in_functions \
                and node.id not in _bound_in_a_scope(reading) and all(
                    isinstance(b, ast.Assign) and len(b.targets) == 1 and isinstance(b.targets[0], ast.Name)
                    and plain(b.value, depth + 1) for b, _ in bindings)
        if not isinstance(node, ast.Call):
            return False
        if isinstance(node.func, ast.Name) and node.func.id in PLAIN_RESULT_BUILTINS:
            return _unshadowed(reading, node.func.id)
        return _bound_by_imports_only(reading, node.func) and _resolved(reading, node.func) in PLAIN_RESULT_FUNCTIONS

    return plain(value)


def _made_by_a_new_value_call(reading: _Reading, value: ast.AST) -> bool:
    """``value`` is what a call that makes a new value (:func:`_makes_a_new_value`: torch's functions...) returns, or
    an element, attribute or method's result of it (``F.conv2d(x[None, None], k[None, None])[0, 0]``: fairness round
    64, a helper returning torch's convolution was taken to hand back its arguments, a config's items)."""
    while True:
        if isinstance(value, (ast.Subscript, ast.Attribute)):
            value = value.value
        elif isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) \
                and isinstance(_plain_base(value.func), ast.Call) \
                and value.func.attr not in ELEMENT_HANDING_METHODS | {"copy", "__call__"}:
            # (not `torch.cuda.memory_stats().get(k, _B)`, which hands back its default: attack round 95)
            value = value.func.value
        else:
            break
    return isinstance(value, ast.Call) and _makes_a_new_value(reading, value)


def _plain_arithmetic(reading: _Reading, value: ast.AST) -> bool:
    """``value`` is arithmetic or a comparison (``(n + 2 * p - k) // s + 1``) and no class of the submission's defines
    an operator: its result is a new number, a bool or a tensor, none of its operands."""
    if not isinstance(value, (ast.BinOp, ast.UnaryOp, ast.Compare)):
        return False
    # (`t + ()`, `t * 1` hand back a tuple itself: attack round 93)
    if any(isinstance(n, ast.BinOp) and (
            isinstance(n.op, ast.Add) and any(isinstance(o, (ast.Tuple, ast.List)) and not o.elts
                                              for o in (n.left, n.right))
            or isinstance(n.op, ast.Mult) and any(isinstance(o, ast.Constant) and o.value == 1
                                                  for o in (n.left, n.right))) for n in ast.walk(value)):
        return False
    defined = reading.memo.get("operator_dunders")
    if defined is None:
        defined = reading.memo["operator_dunders"] = any(
            isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Assign)) and (
                getattr(m, "name", None) in OPERATOR_DUNDERS
                or any(isinstance(t, ast.Name) and t.id in OPERATOR_DUNDERS for t in getattr(m, "targets", [])))
            for c in reading.classes for m in c.body)
    return not defined


def _makes_a_new_value(reading: _Reading, call: ast.Call, indexed=False) -> bool:
    """``call`` makes a value that holds none of what it is given: a built-in of :data:`NEW_VALUE_BUILTINS` (not
    rebound), or a function of ``math`` or ``torch`` (a tensor holds numbers)."""
    if isinstance(call.func, ast.Name) and call.func.id in NEW_VALUE_BUILTINS and _unshadowed(reading, call.func.id):
        return True
    if not _bound_by_imports_only(reading, call.func):
        return False  # (`torch = Keeper()`: a name of a library's the submission also binds otherwise)
    resolved = _resolved(reading, call.func) or ""
    # (and what copies or serialises: `copy.deepcopy(CFG)`, `json.loads(json.dumps(CFG))`, `pd.DataFrame(LOG)` hold
    # none of it, fairness round 65; an element taken out of them is still read)
    if resolved.startswith("pandas."):
        return not indexed  # (a frame's object column holds what it was given: `pd.DataFrame({"c": [_B]})["c"][0]`)
    parts = resolved.split(".")
    # What hands back what it is given after all (attack round 95): a hook or a memo handed to json or deepcopy
    # (`object_hook=`, `copy.deepcopy(_B, {id(_B): _B})`), statistics that pick an element (`median_low`), torch's
    # symbolic and control-flow helpers (`torch.sym_ite(True, _B, [])`), its in-place functions and `inplace=True`,
    # dropout (its input itself when not training), wrappers of functions (`torch.no_grad()(f)`, `torch.vmap`)
    if resolved.startswith(("json.", "copy.")) and (call.keywords or len(call.args) > 1):
        return False
    if resolved.startswith("statistics.") and parts[-1] not in STATISTICS_OF_NUMBERS:
        return False
    if resolved.startswith("torch.") and (parts[-1].startswith("sym_") or parts[-1].endswith("_")
                                          or parts[-1] in TORCH_HANDING_BACK or "dropout" in parts[-1]
                                          or any(k.arg == "inplace" for k in call.keywords)):
        return False
    return resolved.startswith(NEW_VALUE_MODULES) and not (
        resolved.startswith(("torch.nn.", "torch.utils.")) and not resolved.startswith("torch.nn.functional.")) \
        or resolved in NEW_VALUE_FUNCTIONS


#: statistics' functions that compute a new number (not median, mode or quantiles: an element of the data).
STATISTICS_OF_NUMBERS = frozenset({"mean", "fmean", "geometric_mean", "harmonic_mean", "stdev", "pstdev", "variance",
                                   "pvariance", "correlation", "covariance"})
#: torch's functions that may hand back what they are given, or wrap a function.
TORCH_HANDING_BACK = frozenset({"cond", "while_loop", "compile", "vmap", "as_tensor", "asarray", "atleast_1d",
                                "atleast_2d", "atleast_3d", "no_grad", "enable_grad", "inference_mode",
                                "set_grad_enabled", "autocast", "broadcast_tensors", "where", "jit", "fx", "library",
                                "ops", "export", "func", "autograd", "get_default_dtype", "Tensor"})


#: Modules whose functions make new values that hold none of their arguments (numbers, texts, tensors).
NEW_VALUE_MODULES = ("math.sqrt", "math.log", "math.exp", "math.sin", "math.cos", "math.pi", "math.isclose",
                     "torch.", "json.", "statistics.", "time.", "datetime.")
# (not the rest of math: `math.floor` hands back what __floor__ does, `math.prod((), start=_B)` its start: round 93)
#: Functions elsewhere that do.
NEW_VALUE_FUNCTIONS = frozenset({"copy.deepcopy"})


def _a_class_call(reading: _Reading, call: ast.Call) -> bool:
    """``call`` makes an instance of a class of the submission's (what it keeps of its arguments is read as an
    instance's attributes are)."""
    return isinstance(call.func, ast.Name) and any(isinstance(b, ast.ClassDef)
                                                   for b, _ in reading.bindings.get(call.func.id, []))


#: :func:`_handed_through`'s mark for an element taken out of what follows (not that object itself).
ELEMENT = "element"
#: Built-ins that hand back their argument or one of its elements.
ELEMENT_TAKING_BUILTINS = frozenset({"next", "iter", "reversed", "min", "max", "sorted", "list", "tuple", "filter",
                                     "enumerate", "zip", "map"})
#: Built-ins whose result holds the very elements of what they are given (a list of them, an iterator over them).
#: (Not ``dict(T)`` nor ``T.copy()``: a config copied, then set items of, `cfg = dict(DEFAULTS); cfg["c"] = 1`, is
#: the usual case, fairness round 65; changing an element of a table through a copy of it stays open.)
ELEMENT_SHARING_BUILTINS = ELEMENT_TAKING_BUILTINS | {"set", "frozenset"}
#: Methods whose result holds the very elements of their object.
ELEMENT_SHARING_METHODS = frozenset({"values", "items", "__iter__"})
#: Methods that hand back an element of their object (which an alias of the element then changes).
ELEMENT_HANDING_METHODS = frozenset({"setdefault", "get", "pop", "popitem", "__getitem__", "popleft"})
#: Calls whose result shares the objects it is given (a shallow copy holds the same elements; a ChainMap writes to its
#: first map).
SHARING_CALLS = frozenset({"copy.copy", "collections.ChainMap", "types.SimpleNamespace", "types.MappingProxyType"})


def _hands_back_a_parameter(function: ast.AST) -> bool:
    """Whether ``function`` returns or yields one of its parameters as it is (``def _same(x): yield x``)."""
    parameters = _parameter_names(function)
    return any(isinstance(n, (ast.Return, ast.Yield, ast.YieldFrom)) and isinstance(n.value, ast.Name)
               and n.value.id in parameters for n in _walk_scope_body(function))


def _bindings_in_force(reading: _Reading, name: str) -> list[ast.AST]:
    """The bindings of a module-level name that may be in force when the checks run.

    The last one, when it is a plain statement and nothing else can rebind the name
    later (a ``global`` statement in a function); otherwise every one of them.
    """
    bindings = reading.bindings.get(name, [])
    if not bindings:
        return []
    memo = reading.memo.setdefault("in_force", {}) if reading.nodes else {}  # (bindings complete: asked per read)
    if name in memo:
        return list(memo[name])
    last, plain = bindings[-1]
    if plain and name not in reading.global_in_functions:
        # A binding that reads the name itself (`conv2d = conv2d`, `conv2d = torch.no_grad()(conv2d)`, `+=`) hands
        # on the one before it, which is then in force too: walking it as the last only, the reader met the name
        # again, already walked, and read nothing of the function it wraps (F.conv2d behind `conv2d = conv2d`).
        chain = []
        for node, _ in reversed(bindings):
            chain.append(node)
            if not _reads_itself(node, name, reading):
                break
        memo[name] = chain[::-1]
    else:
        memo[name] = [node for node, _ in bindings]
    return list(memo[name])


def _bindings_in_force_at(reading: _Reading, name: str, statement: ast.AST) -> list[ast.AST]:
    """The bindings of a module-level name that may be in force as ``statement``, a top-level statement (or one
    in it), runs: as :func:`_bindings_in_force` says of the bindings made before it; every binding when the
    reading cannot place it."""
    bindings = reading.bindings.get(name, [])
    at = reading.position.get(id(statement))
    if at is None or name in reading.global_in_functions:
        return [node for node, _ in bindings]
    # (a binding in the statement itself may run before the node does: `try: raise KeyError(_B)` / `except
    # KeyError as _e: _A = _e.args[0]`, attack round 90)
    before = [(node, plain) for node, plain in bindings
              if reading.position.get(id(node), at) < at or (
                  reading.position.get(id(node)) == at and node is not statement)]
    if not before:
        return []
    chain = []
    for node, plain in reversed(before):
        chain.append(node)
        if plain and not _reads_itself(node, name, reading):
            break
    return chain[::-1]


def _reads_itself(binding: ast.AST, name: str, reading: _Reading | None = None) -> bool:
    """Whether the value ``binding`` binds ``name`` to is made from what ``name`` held before it: an assignment
    that reads the name, or a decorated ``def``/``class`` whose decorator reads it, in its own words or in the body
    of a function of the submission it names (attack round 80: `@_previous def conv2d` with `def _previous(f):
    return conv2d` put the first conv2d back)."""
    if isinstance(binding, ast.AugAssign):
        return True
    if isinstance(binding, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        for decorator in binding.decorator_list:
            if reading is not None and _returns_what_it_decorates(reading, decorator):
                continue  # (it may call the earlier binding, as a check; it hands back the function it is given)
            for n in ast.walk(decorator):
                if not isinstance(n, ast.Name):
                    continue
                if n.id == name:
                    return True
                for bound, _ in (reading.bindings.get(n.id, []) if reading is not None else []):
                    if isinstance(bound, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)) \
                            and name in _names_in(reading, bound):
                        return True
        return False
    value = binding.value if isinstance(binding, (ast.Assign, ast.AnnAssign, ast.NamedExpr)) else None
    return value is not None and any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(value))


#: Python's built-ins an identity decorator's body may call (:func:`_returns_what_it_decorates`): none of them keeps,
#: runs by name or changes anything past the call.
CHECKING_BUILTINS = frozenset({"print", "len", "range", "zip", "enumerate", "isinstance", "abs", "max", "min", "all",
                               "any", "sum", "float", "int", "str", "round", "sorted", "repr", "tuple", "list", "bool",
                               "dict", "set", "format"})
#: The libraries whose public functions such a body may call (to draw inputs and compare): not their parts that
#: register operators, compile, trace, or reach torch's internals.
CHECKING_MODULES = ("torch", "numpy", "math")
CHECKING_EXCLUDED = frozenset({"library", "ops", "jit", "overrides", "utils", "fx", "compile", "export", "autograd",
                               "backends", "multiprocessing", "distributed", "cuda", "hub", "onnx", "package",
                               "compiler", "func", "set_default_dtype", "set_default_tensor_type",
                               "use_deterministic_algorithms", "set_printoptions", "set_grad_enabled", "load",
                               "save", "from_file"})


def _returns_what_it_decorates(reading: _Reading, decorator: ast.expr) -> bool:
    """Whether ``decorator`` (a decorator expression) hands back the very function it decorates, having kept
    nothing and changed nothing: a module-level def of the submission's (bound once, undecorated) whose every return
    is its first parameter, or a call of a factory whose body is such a def and its return (fairness round 59:
    ``@agrees_with_torch`` comparing the loops with ``F.conv2d`` once, ``@checked_against(F.conv2d)``,
    ``@replaces(first_try)``).  Its body (:func:`_checks_only`) may call that function, the factory's parameters,
    functions of the submission's (given no function to keep), the built-ins of :data:`CHECKING_BUILTINS` and
    the public functions of :data:`CHECKING_MODULES`, store into its own local names and nothing else; what it
    reaches is read all the same, torch's convolution and pooling aside (:func:`_reachable_builtins`)."""
    return _handed_back(reading, decorator) is not None


def _handed_back(reading: _Reading, decorator: ast.expr) -> set[int] | None:
    """Of a decorator that hands back what it decorates (:func:`_returns_what_it_decorates`), the nodes of its
    expression that only run as it runs: its name, and the arguments of a factory's call that its body only calls
    (``F.conv2d`` of ``@checked_against(F.conv2d, (7, 8))``, a reference def, a lambda); None for any other
    decorator.  An argument the body uses otherwise (``**settings`` handed to the checked function) is read as
    any value is."""
    if not reading.nodes:
        return None  # (asked while the units are read: no decorator is taken as checking only before all are)
    memo = reading.memo.setdefault("identity_decorators", {})
    if id(decorator) in memo:
        return memo[id(decorator)]
    memo[id(decorator)] = None  # (while it is being decided)
    found: set[int] | None = None
    if isinstance(decorator, ast.Name):
        function = _plain_module_def(reading, decorator.id) or _def_in_force(reading, decorator.id, decorator)
        if function is not None and _checks_only(reading, function, set()):
            found = {id(decorator)}
    elif isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Name):
        factory = _plain_module_def(reading, decorator.func.id) or _def_in_force(reading, decorator.func.id, decorator)
        if factory is not None:
            body = [st for st in factory.body
                    if not (isinstance(st, ast.Expr) and isinstance(st.value, ast.Constant))]  # (a docstring)
            inner = body[0] if len(body) == 2 else None
            if isinstance(inner, ast.FunctionDef) and not inner.decorator_list \
                    and isinstance(body[1], ast.Return) and isinstance(body[1].value, ast.Name) \
                    and body[1].value.id == inner.name and _checks_only(reading, inner, _parameter_names(factory)):
                inner_nodes = [n for st in inner.body for n in ast.walk(st)]
                parents = _parents(reading)

                def called_only(parameter: str) -> bool:
                    # called, or its label read (`reference.__name__` in a message: fairness round 66): a text,
                    # whatever the argument is, which keeps no function
                    uses = [n for n in inner_nodes if isinstance(n, ast.Name) and n.id == parameter]
                    return all(isinstance(parents.get(id(n)), ast.Call) and parents[id(n)].func is n
                               or _a_label_read(n, parents) for n in uses)

                positional = [a.arg for a in factory.args.posonlyargs + factory.args.args]
                named = positional + [a.arg for a in factory.args.kwonlyargs]
                found = {id(decorator.func)}
                def binds_nothing(argument: ast.AST) -> bool:
                    # (`@checked(_C := F.conv2d)` binds a name conv2d may call: attack round 97)
                    return not any(isinstance(n, (ast.NamedExpr, ast.Lambda)) for n in ast.walk(argument)) \
                        or isinstance(argument, ast.Lambda) and not any(
                            isinstance(n, ast.NamedExpr) for n in ast.walk(argument))

                for index, argument in enumerate(decorator.args):
                    if not isinstance(argument, ast.Starred) and index < len(positional) \
                            and called_only(positional[index]) and binds_nothing(argument):
                        found |= {id(n) for n in ast.walk(argument)}
                for keyword in decorator.keywords:
                    if keyword.arg in named and called_only(keyword.arg) and binds_nothing(keyword.value):
                        found |= {id(n) for n in ast.walk(keyword.value)}
    memo[id(decorator)] = found
    return found


def _def_in_force(reading: _Reading, name: str, decorator: ast.expr) -> ast.FunctionDef | None:
    """The plain top-level def ``name`` is bound to where ``decorator`` decorates a def of the module's own body,
    when that is the one binding in force there (a checking decorator written again in a later cell, the
    improved one decorating the loops: fairness round 60)."""
    decorated = _parents(reading).get(id(decorator))
    if not isinstance(decorated, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) \
            or not isinstance(_parents(reading).get(id(decorated)), ast.Module) or name in reading.global_in_functions:
        return None
    in_force = _bindings_in_force_at(reading, name, decorated)
    if len(in_force) != 1:
        return None
    function = in_force[0]
    plain = [p for b, p in reading.bindings.get(name, []) if b is function]
    if not plain or not plain[0] or not isinstance(function, ast.FunctionDef) or function.decorator_list \
            or not isinstance(_parents(reading).get(id(function)), ast.Module):
        return None
    return function


def _plain_module_def(reading: _Reading, name: str) -> ast.FunctionDef | None:
    """The def ``name`` is bound to when it is its only binding, at the top level, undecorated."""
    bindings = reading.bindings.get(name, [])
    if len(bindings) != 1 or name in reading.global_in_functions:
        return None
    function, plain = bindings[0]
    if not plain or not isinstance(function, ast.FunctionDef) or function.decorator_list \
            or not isinstance(_parents(reading).get(id(function)), ast.Module):
        return None
    return function


def _checks_only(reading: _Reading, function: ast.FunctionDef, outer: set[str]) -> bool:
    """:func:`_returns_what_it_decorates`'s rule on ``function``'s body (``outer``: the factory's parameters);
    decided once per function (a decorator on 400 defs: attack round 82)."""
    memo = reading.memo.setdefault("checks_only", {})
    key = (id(function), frozenset(outer))
    if key not in memo:
        memo[key] = _checks_only_now(reading, function, outer)
    return memo[key]


def _checks_only_now(reading: _Reading, function: ast.FunctionDef, outer: set[str]) -> bool:
    positional = function.args.posonlyargs + function.args.args
    if not positional or not function.body or not isinstance(function.body[-1], ast.Return):
        return False
    given = positional[0].arg
    handed = {given} | outer  # the function decorated, and what the factory was given
    parents = _parents(reading)
    local = _parameter_names(function) - handed
    nodes = [n for st in function.body for n in ast.walk(st)]
    for n in nodes:
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef, ast.Global,
                          ast.Nonlocal, ast.Delete, ast.Import, ast.ImportFrom, ast.Yield, ast.YieldFrom,
                          ast.Await, ast.Starred)) and not (isinstance(n, ast.Starred) and
                                                            isinstance(parents.get(id(n)), ast.Call)):
            return False
        if isinstance(n, ast.Return) and not (isinstance(n.value, ast.Name) and n.value.id == given):
            return False
        if isinstance(n, (ast.Attribute, ast.Subscript)) and not isinstance(n.ctx, ast.Load):
            return False  # (stores into an object)
        if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load):
            if n.id in handed:
                return False
            local.add(n.id)
        # names bound without an ast.Name (`except _Fast as fn`, `case fn:`): rebinding the function it checks hands
        # back another (attack round 95)
        bound = getattr(n, "name", None) if isinstance(n, (ast.ExceptHandler, ast.MatchAs, ast.MatchStar)) \
            else n.rest if isinstance(n, ast.MatchMapping) else None
        if bound is not None:
            if bound in handed:
                return False
            local.add(bound)
    # the locals every binding of which makes a new container (`rows = []`): their own methods change them alone
    bound_to: dict[str, list] = {}
    for n in nodes:
        if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load):
            parent = parents.get(id(n))
            bound_to.setdefault(n.id, []).append(
                parent.value if isinstance(parent, ast.Assign) and n in parent.targets else None)
    made = frozenset(name for name, values in bound_to.items()
                     if name not in handed and all(v is not None and _fresh(v) for v in values))
    # what the factory was given, iterated (`for s in shapes`), hands its items on: they are given too
    for n in nodes:
        if isinstance(n, (ast.comprehension, ast.For)) and isinstance(n.iter, ast.Name) and n.iter.id in outer:
            handed |= {t.id for t in ast.walk(n.target) if isinstance(t, ast.Name)}
    for n in nodes:
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in handed and not all(
                _data_only(reading, argument, parents, local | handed)
                for argument in [*n.args, *[k.value for k in n.keywords]]):
            # what it calls is handed no function (attack round 83: `f(x, k, 1, 0, F.conv2d)`, which the loops kept)
            return False
        if isinstance(n, ast.Name) and n.id in handed and isinstance(n.ctx, ast.Load) \
                and not _a_checking_use(reading, n, parents, given, handed):
            return False  # handed on: kept, changed or wrapped where the reader does not look
        if isinstance(n, ast.Call) and not (isinstance(n.func, ast.Name) and n.func.id in handed) \
                and not _a_checking_call(reading, n, local - handed, handed, made=made):
            return False
    return True


def _data_only(reading: _Reading, argument: ast.expr, parents: dict, own: set[str]) -> bool:
    """Whether ``argument`` (of a call an identity decorator makes of what it is given) is made of the decorator's
    own names, constants and what calls return: no module-level name, library object or lambda handed on as such."""
    for n in ast.walk(argument):
        parent = parents.get(id(n))
        called = isinstance(parent, ast.Call) and parent.func is n
        if isinstance(n, (ast.Lambda, ast.NamedExpr)):
            return False
        if isinstance(n, ast.Name) and n.id not in own and not (
                called and n.id in CHECKING_BUILTINS and n.id not in reading.bindings):
            return False  # (what a function of the submission's returns may be torch's: attack round 84)
        if isinstance(n, ast.Attribute) and _root(n)[0] in reading.imported and not (
                called and _a_library_function(reading, n) and not BUILT_IN.search(n.attr)):
            return False
    return True


def _a_checking_use(reading: _Reading, name: ast.Name, parents: dict, given: str, handed: set[str]) -> bool:
    """How an identity decorator's body may use what it is handed (:func:`_checks_only`): call it, read its label,
    return the function it decorates; and the factory's other arguments: give them to a built-in or a library
    function of :func:`_a_checking_call`'s, or iterate over them.  Never bound to a name of its own, whose methods
    could then change it."""
    parent = parents.get(id(name))
    grand = parents.get(id(parent))
    if isinstance(parent, ast.Return):
        return name.id == given
    if isinstance(parent, ast.Call) and parent.func is name:
        return True
    if _a_label_read(name, parents):
        return True
    if isinstance(parent, ast.Call) and parent.func is not name and (_resolved(reading, parent.func) or "") in (
            "inspect.signature",):
        return True  # (it reads the signature: `print(fn.__name__, inspect.signature(fn))`, fairness round 60)
    if name.id == given:
        return False
    if isinstance(parent, (ast.comprehension, ast.For)) and parent.iter is name:
        return True
    call = parent if isinstance(parent, ast.Call) else grand if isinstance(parent, (ast.Starred, ast.keyword)) \
        else None
    if isinstance(call, ast.Call) and call.func is not name and call.func is not parent:
        func = call.func
        if isinstance(func, ast.Name):
            # (`fn(*inputs, **settings)`: what the factory was given, handed to what it checks or checks against;
            # a function among them is no torch function the reader lets by: _handed_back)
            return func.id in CHECKING_BUILTINS and func.id not in reading.bindings or func.id in handed
        return _a_library_function(reading, func)
    return False


#: The labels of a function an identity decorator's body may read: texts, whatever the function is.
LABELS = ("__name__", "__qualname__", "__doc__")


def _a_label_read(name: ast.Name, parents: dict) -> bool:
    """``name`` is read for its label (``fn.__name__``), not called through it (``fn.__name__(...)``)."""
    parent = parents.get(id(name))
    grand = parents.get(id(parent))
    return isinstance(parent, ast.Attribute) and parent.attr in LABELS and isinstance(parent.ctx, ast.Load) \
        and not (isinstance(grand, ast.Call) and grand.func is parent)


def _a_checking_call(reading: _Reading, call: ast.Call, local: set[str], handed: set[str], *,
                     made: frozenset = frozenset()) -> bool:
    """A call an identity decorator's body may make (:func:`_checks_only`); ``made``: its locals bound only to new
    containers, which its calls may change (`rows.append((stride, same))`: fairness round 60)."""
    func = call.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in made \
            and func.attr in MUTATING_METHODS:
        return True
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Constant) and isinstance(func.value.value, str) \
            and func.attr in ("format", "join"):
        return True  # (`"{}: {:.2e}".format(fn.__name__, err)`, `", ".join(rows)`: a text made)
    if _a_logging_call(reading, func):
        return all(_a_logged_value(reading, a, call) for a in [*call.args, *(k.value for k in call.keywords)])
    if isinstance(func, ast.Name):
        if func.id in local:
            return False
        if func.id in reading.bindings:
            # a function of the submission's (its own changes are read where they are read), given no function
            bound = reading.bindings[func.id]
            return all(isinstance(b, ast.FunctionDef) for b, _ in bound) and not any(
                isinstance(a, ast.Name) and (a.id in handed or a.id in made)  # (nor a container it filled)
                for a in [*call.args, *[k.value for k in call.keywords]]
                for a in [a.value if isinstance(a, ast.Starred) else a])
        # (`type(out).__name__`; with three arguments, type makes a class; `raise AssertionError(f"...")`, an
        # exception of Python's made of what the body computed: fairness round 67)
        return func.id in CHECKING_BUILTINS or func.id == "type" and len(call.args) == 1 and not call.keywords \
            or func.id in BUILTIN_EXCEPTIONS and _unshadowed(reading, func.id)
    if isinstance(func, ast.Attribute):
        base = func.value
        while isinstance(base, (ast.Attribute, ast.Subscript)):
            base = base.value
        if func.attr.startswith("__") or func.attr in MUTATING_METHODS:
            return False  # (`m.__dict__.update(...)`, `results.append(...)`: a change of an object, which may be a module)
        if isinstance(func.value, ast.Name) and func.value.id in local or isinstance(base, ast.Call) and (
                _a_library_function(reading, base.func) or isinstance(base.func, ast.Name)
                and base.func.id in CHECKING_BUILTINS and base.func.id not in reading.bindings):
            # a method of a value it made (a tensor's `.sum()`, `torch.arange(30.).view(5, 6)`), not of what a
            # function of the submission's hands back (an object of the module's, changed out of sight)
            return True
        if func.attr in DATA_ATTRIBUTES and _a_checked_value(reading, func.value, local, handed):
            # a tensor's data of what it computed, the checked function's result or a difference of such
            # (`fn(x, k).double()`, `diff.abs().max()`, `(mine - ref).abs()`: fairness round 60)
            return True
        return _a_library_function(reading, func)
    return False


def _a_checked_value(reading: _Reading, value: ast.AST, local: set[str], handed: set[str]) -> bool:
    """``value``, in a checking decorator's body, is one of its own values: a local, what the function it checks or
    a library function returns, arithmetic, an element, or a tensor's data method of such."""
    if isinstance(value, ast.Name):
        return value.id in local
    if isinstance(value, ast.Constant):
        return True
    if isinstance(value, ast.BinOp):
        return _a_checked_value(reading, value.left, local, handed) and \
            _a_checked_value(reading, value.right, local, handed)
    if isinstance(value, ast.UnaryOp):
        return _a_checked_value(reading, value.operand, local, handed)
    if isinstance(value, ast.Subscript):
        return _a_checked_value(reading, value.value, local, handed)
    if isinstance(value, ast.Call):
        func = value.func
        if isinstance(func, ast.Name):
            return func.id in handed or func.id in CHECKING_BUILTINS and func.id not in reading.bindings
        return isinstance(func, ast.Attribute) and (
            func.attr in DATA_ATTRIBUTES and _a_checked_value(reading, func.value, local, handed)
            or _a_library_function(reading, func))
    return False


def _a_library_function(reading: _Reading, func: ast.AST) -> bool:
    """A public function of :data:`CHECKING_MODULES` (``torch.allclose``, ``F.conv2d``, ``np.isclose``), outside the
    parts of :data:`CHECKING_EXCLUDED`."""
    root, _ = _root(func)
    parts = (_resolved(reading, func) or "").split(".")
    return parts[0] in CHECKING_MODULES and root in reading.imported and not any(
        p.startswith("_") or p in CHECKING_EXCLUDED for p in parts[1:]) or (
        root in reading.imported and ".".join(parts) in CHECKING_FUNCTIONS)


#: What reaches logging's machinery beyond its level functions (its classes, its root logger and manager, a record
#: factory), besides what attaches code to it (:data:`LOGGING_HOOKS`): a checking decorator's logging call is read as
#: one only where the submission spells none of either (:func:`_logging_hooked`).
LOGGING_INTERNALS = frozenset({"getLogRecordFactory", "getLoggerClass", "Handler", "Filter", "Filterer",
                               "LoggerAdapter", "Logger", "RootLogger", "Manager", "listen", "makeLogRecord",
                               "LogRecord", "QueueHandler", "MemoryHandler", "callHandlers", "makeRecord", "_log"})
#: Attributes that reach the same (``logging.root.handle``, ``logging.config``): read so where they are attributes
#: (a variable named ``root`` or ``config`` is none).
LOGGING_INTERNAL_ATTRIBUTES = LOGGING_INTERNALS | {"manager", "root", "handle", "emit", "config"}
#: What a plain ``logging.basicConfig(level=logging.INFO, format="%(message)s")`` may be given: settings of texts,
#: which attach no code of the submission's.
PLAIN_BASIC_CONFIG = frozenset({"level", "format", "datefmt", "style", "force", "filename", "filemode", "encoding",
                                "errors"})


def _a_logging_call(reading: _Reading, func: ast.AST) -> bool:
    """``func`` is a level function of :mod:`logging` (``logging.warning``) or a level method of a logger
    (:func:`_a_logger`: ``log = logging.getLogger("q6")``), neither changed, in a submission that hooks nothing
    into logging (:func:`_logging_hooked`): a checking decorator's body may log (fairness round 66: `log.info("%s
    agrees with %s: %s", fn.__name__, reference.__name__, ok)`); its record holds texts and the body's own values,
    never what it was handed (:func:`_a_checking_use` lets no function it is given go to it)."""
    if not isinstance(func, ast.Attribute) or func.attr not in LOGGING_METHODS or _logging_hooked(reading):
        return False
    logger = func.value
    if not isinstance(logger, ast.Name) or reading.mutations.get(logger.id):
        return False  # (`log.info = keep`, `logging.warning = keep`: a patch, which sees the record's arguments)
    return _resolved_once(reading, func) == f"logging.{func.attr}" or (
        logger.id not in _bound_in_a_scope(reading) and _a_logger(reading, logger.id))


def _a_plain_basic_config(reading: _Reading, node: ast.AST) -> bool:
    """``node`` is ``logging.basicConfig(...)`` given only settings of :data:`PLAIN_BASIC_CONFIG`, each a constant or
    a library's value (``logging.INFO``)."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "basicConfig" \
        and _resolved(reading, node.func) == "logging.basicConfig" and not node.args and all(
            k.arg in PLAIN_BASIC_CONFIG and (isinstance(k.value, ast.Constant) or isinstance(k.value, ast.Attribute)
                                             and _root(k.value)[0] in reading.imported) for k in node.keywords)


def _a_logged_value(reading: _Reading, value: ast.AST, call: ast.Call) -> bool:
    """``value``, given to a checking decorator's logging call, is a text, a number or a result: constants, f-strings,
    labels (``fn.__name__``), what calls return, arithmetic and comparisons of those, and the body's own names bound
    only to such; never a function as a value (`log.info("%s", F.unfold)`, `t = F.unfold; log.info("%s", t)`:
    attack round 97)."""
    function = next(iter(_functions_around(reading, call)), None)
    todo, seen = [value], set()
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.Constant, ast.JoinedStr)):
            continue
        if isinstance(node, ast.Attribute) and node.attr in LABELS:
            continue
        if isinstance(node, ast.Call):
            continue  # (what it returns; the call itself is judged as the body's other calls are)
        if isinstance(node, (ast.BinOp, ast.UnaryOp, ast.Compare, ast.BoolOp, ast.Tuple)):
            todo += [n for n in ast.iter_child_nodes(node) if isinstance(n, ast.expr)]
            continue
        if isinstance(node, ast.Name) and function is not None and node.id not in seen:
            seen.add(node.id)
            bound = _local_bindings(function, node.id)
            if bound and all(isinstance(b, ast.expr) for b in bound) \
                    and all(isinstance(st, ast.Assign) for st in _walk_scope_body(function)
                            if isinstance(st, ast.stmt) and node.id in _names_bound_by(st)):
                todo += bound
                continue
        return False
    return True


def _mutators_taken(reading: _Reading) -> dict[str, str]:
    """Module-level name -> a method of :data:`MUTATING_METHODS` of its object taken as a value, not called there
    (``_put = _KEPT.append``, ``map(_KEPT.append, fns)``): what it is handed wherever it is called goes into the
    object, which the reader cannot follow (attack round 97).  Memoised."""
    taken = reading.memo.get("mutators_taken")
    if taken is None:
        taken = reading.memo["mutators_taken"] = {}
        parents = _parents(reading)
        for n in reading.nodes:
            base = _plain_base(n.value) if isinstance(n, ast.Attribute) else None
            if isinstance(n, ast.Attribute) and n.attr in MUTATING_METHODS and isinstance(n.ctx, ast.Load) \
                    and isinstance(base, ast.Name) and base.id not in reading.imported \
                    and _local_scope_of(reading, base) is None:
                parent = parents.get(id(n))
                # (not a module's function, `operator.add`, `torch.add`; nor a decorator, `@to_tensor.register`,
                # which the registry rules read: fairness rounds 3 to 62)
                if not (isinstance(parent, ast.Call) and parent.func is n) and not (
                        isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                        and any(d is n for d in parent.decorator_list)):
                    taken.setdefault(base.id, n.attr)  # (`HOLDER.items.append` too)
    return taken


def _logging_hooked(reading: _Reading) -> bool:
    """Whether the submission spells a name of :data:`LOGGING_HOOKS` or :data:`LOGGING_INTERNALS` anywhere (a
    plain ``basicConfig`` of settings aside: :data:`PLAIN_BASIC_CONFIG`), or changes a module of logging's, or
    ``sys``, or ``importlib`` (memoised)."""
    hooked = reading.memo.get("logging_hooked")
    if hooked is None:
        plain = {id(n.func) for n in reading.nodes if _a_plain_basic_config(reading, n)}
        spelled = LOGGING_HOOKS | LOGGING_INTERNALS
        hooked = any(
            # (a level method set on any object: `other = logging.getLogger("q6"); other.info = keep`, attack round 97)
            isinstance(n, ast.Attribute) and n.attr in LOGGING_METHODS and not isinstance(n.ctx, ast.Load)
            or isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in ("setattr", "delattr")
            or isinstance(n, ast.Attribute) and n.attr in spelled | LOGGING_INTERNAL_ATTRIBUTES and id(n) not in plain
            or isinstance(n, ast.Name) and n.id in spelled or isinstance(n, ast.keyword) and n.arg in spelled
            or isinstance(n, ast.alias) and (n.name.split(".")[-1] in spelled or n.name.startswith("logging."))
            or isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value in spelled
            for n in reading.nodes) or any(  # (a module of logging's changed under another name: `lg.warning = f`)
            reading.imported.get(name, "").split(".")[0] in ("logging", "sys", "importlib") and any(
                not (isinstance(c, ast.Expr) and _a_plain_basic_config(reading, c.value)) for c in changes)
            for name, changes in reading.mutations.items())
        reading.memo["logging_hooked"] = hooked
    return hooked


#: Python's own exception classes, by name.
BUILTIN_EXCEPTIONS = frozenset(name for name, value in vars(builtins).items()
                               if isinstance(value, type) and issubclass(value, BaseException))


#: Functions of other modules such a body may call: clocks, and a warning (fairness round 60's timing and warning
#: decorators; a hook the submission puts on warnings is a patch of that module, read as one).
CHECKING_FUNCTIONS = frozenset({"time.perf_counter", "time.time", "time.monotonic", "time.process_time",
                                "time.perf_counter_ns", "warnings.warn", "inspect.signature"})


def _names_in(reading: _Reading, node: ast.AST) -> frozenset[str]:
    """Every name spelled in ``node`` (memoised per node: :func:`_reads_itself` asks it of a decorator's def at every
    binding of every name read, attack round 82: a 14.6 KB file of one decorator's long body took 233 s)."""
    memo = reading.memo.setdefault("names_in", {})
    names = memo.get(id(node))
    if names is None:
        names = memo[id(node)] = frozenset(n.id for n in ast.walk(node) if isinstance(n, ast.Name))
    return names


class _Scope:
    """The names local where a node stands: a scope's own names, then those of the functions around it.

    Linked, not copied: a nested function, lambda or comprehension adds its own names without copying
    its parents' (a copy per lambda made the reading quadratic: lambdas x locals).
    """

    __slots__ = ("names", "hidden", "parent", "depth")

    def __init__(self, names: frozenset = frozenset(), parent: "_Scope | None" = None,
                 hidden: frozenset = frozenset()) -> None:
        self.names = names
        self.hidden = hidden
        """Names this scope declares ``global``/``nonlocal``: not local here, whatever the scopes around bind."""
        self.parent = parent
        self.depth = parent.depth + 1 if parent is not None else 0

    def __contains__(self, name: object) -> bool:
        scope = self
        while scope is not None:
            if name in scope.names:
                return True
            if name in scope.hidden:
                return False
            scope = scope.parent
        return False

    def nested(self, names) -> "_Scope":
        names = frozenset(names)
        return _Scope(names, self) if names else self


#: Most functions, lambdas and comprehensions nested in one another that the reader follows (a name's
#: look-up walks them all; no notebook nests more than a few).
MAX_NESTED_SCOPES = 40
_EMPTY_SCOPE = _Scope()


def _code(node: ast.AST, local: _Scope = _EMPTY_SCOPE):
    """Every node of ``node`` with the names local where it stands, by Python's scoping rules.

    Decorators, default values, annotations and base classes run in the enclosing
    scope; a function's body sees its parameters and what it binds, and the locals of
    the functions around it; a class body's names are not seen by its methods; a
    comprehension's targets are its own.  Past :data:`MAX_NESTED_SCOPES` nested scopes,
    the node is yielded with ``None`` for its names, and not entered.
    """
    stack = [(node, local)]
    while stack:
        current, names = stack.pop()
        if names.depth > MAX_NESTED_SCOPES:
            yield current, None
            continue
        yield current, names
        if isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            args = current.args
            outer = list(args.defaults) + [d for d in args.kw_defaults if d is not None]
            if not isinstance(current, ast.Lambda):
                outer += list(current.decorator_list) + ([current.returns] if current.returns else [])
            outer += [a.annotation for a in args.posonlyargs + args.args + args.kwonlyargs if a.annotation]
            stack.extend((e, names) for e in outer)
            inner, declared = _function_locals(current)
            body = current.body if isinstance(current.body, list) else [current.body]
            scope = _Scope(frozenset(inner), names, frozenset(declared)) if declared else names.nested(inner)
            stack.extend((b, scope) for b in body)
        elif isinstance(current, ast.ClassDef):
            stack.extend((e, names) for e in list(current.decorator_list) + list(current.bases)
                         + [k.value for k in current.keywords])
            stack.extend((b, names) for b in current.body)
        elif isinstance(current, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            generators = current.generators
            inner = names.nested({n.id for g in generators for n in ast.walk(g.target) if isinstance(n, ast.Name)})
            if generators:
                stack.append((generators[0].iter, names))  # evaluated in the enclosing scope
            for g in generators:
                stack.append((g.target, inner))
                stack.extend((c, inner) for c in g.ifs)
            stack.extend((g.iter, inner) for g in generators[1:])
            elts = [current.key, current.value] if isinstance(current, ast.DictComp) else [current.elt]
            stack.extend((e, inner) for e in elts)
        else:
            stack.extend((child, names) for child in ast.iter_child_nodes(current))


# -- Rule 3: what a by-hand function may reach is an allowlist --------------------------------------------------
#
# Rules 1 and 2 name what is refused; each attack round found a resolver or evaluator of strings that no list named
# (round 5: IPython's and traitlets' import_item, pydantic's ImportString, wrapt, sphinx, tornado, setuptools'
# read_attr, pytest's resolve, sympy's parse_expr, torch's benchmark Timer, psutil's Popen...).  So the code a
# by-hand function reaches (every name rule 1 follows from it, the bindings of those names, the calls that build
# their values) may use only modules and names whose behaviour is known: the built-ins below, pure modules of the
# standard library, numpy's and torch's array creation and mathematics, and the submission's own code.  Anything
# else reached makes the by-hand part unreadable (q6 only: what a by-hand function reaches is no model's code).

#: Modules whose every public name is known, but for those listed: pure computation on values, no file, process,
#: thread, import or evaluation of text.  A submodule is known only if listed itself (``torch.utils`` is not).
KNOWN_MODULES: dict[str, frozenset[str]] = {
    **{m: frozenset() for m in (
        "math", "cmath", "itertools", "functools", "collections", "collections.abc", "numbers", "fractions",
        "decimal", "statistics", "copy", "enum", "abc", "array", "re", "random", "heapq", "bisect", "dataclasses",
        "typing", "operator", "string", "contextlib", "warnings", "time", "textwrap", "pprint",
        # dates and times, and NumPy's type aliases for annotations (fairness round 30: a conv2d timing itself
        # with datetime.now(), annotated with npt.NDArray, lost its by-hand points)
        "datetime", "numpy.typing",
        # a context variable read as a flag (fairness round 41: a conv2d's verbosity, -2)
        "contextvars",
        "numpy.linalg", "numpy.random", "numpy.fft", "numpy.lib.stride_tricks",
        "torch.linalg", "torch.fft", "torch.special", "torch.random", "torch.nn.init", "torch.nn.parameter",
        "torch.nn.modules.utils", "torch.types", "torch.functional", "torch.return_types", "torch.backends",
        "torch.backends.cudnn", "torch.backends.mps", "torch.backends.cpu", "torch.cuda", "torch.nn.modules",
        # its settings of matrix products (fairness round 45: `torch.backends.cuda.matmul.allow_tf32 = False`, -3)
        "torch.backends.cuda",
        # type aliases only (fairness round 39: conv2d's signature annotated with _size_2_t cost q6, -3)
        *TYPE_ALIAS_MODULES)},
    # logging's records and loggers; its configurators resolve dotted names (attack round 4), its handlers write
    "logging": frozenset({"config", "handlers", "setLoggerClass", "setLogRecordFactory", "makeLogRecord"}),
    # vmap and grad run the function they are given, which is the submission's own (read where it is reached)
    "torch.func": frozenset({"functional_call", "stack_module_state", "replace_all_batch_norm_modules_"}),
    # operator's, typing's and string's resolvers of names are refused by rule 2 too; listed here for the record
    "operator": frozenset({"attrgetter", "methodcaller"}),
    "typing": frozenset({"get_type_hints", "ForwardRef"}),
    # typing's backport, for the same annotations (fairness round 41: Annotated and TypeAlias from it, -3), with the
    # same evaluators not known
    "typing_extensions": frozenset({"get_type_hints", "ForwardRef", "evaluate_forward_ref", "get_annotations"}),
    "string": frozenset({"Formatter"}),
    "dataclasses": frozenset({"make_dataclass"}),  # a class from a namespace of strings and values
    # numpy.lib's reading and writing of .npy files (a pickle) and its introspection are not known
    "numpy.lib": frozenset({"format", "npyio", "introspect", "recfunctions", "user_array", "mixins"}),
    "numpy": frozenset({"load", "loadtxt", "genfromtxt", "fromfile", "fromregex", "memmap", "DataSource", "save",
                        "savez", "savez_compressed", "savetxt", "ctypeslib", "f2py", "testing", "core",
                        "polynomial", "polymul", "polydiv", "poly1d", "info", "source", "lookfor"}),
    # torch's tensors and their mathematics; not its compilers, tracers, dispatch tables, loaders and utilities.
    # (F.unfold with a matrix product stays readable: the fairness corpus holds it as a by-hand convolution.)
    "torch": frozenset({"compile", "compiler", "jit", "library", "ops", "classes", "utils", "hub", "package", "fx",
                        "cond", "while_loop", "export", "load", "save", "from_file", "autograd", "overrides",
                        "serialization", "multiprocessing", "distributed", "profiler", "onnx", "testing", "storage",
                        "Storage", "TypedStorage", "UntypedStorage", "set_default_tensor_type"}),
    "torch.nn": frozenset({"utils", "grad", "parallel", "DataParallel", "quantized", "qat", "intrinsic",
                           "attention"}),
    "torch.nn.functional": frozenset(),
}
# settings read from a text, and logs written as one (fairness round 61: a conv2d reading its defaults from
# `json.loads(...)`, `yaml.safe_load(...)` or a configparser, or logging with `json.dumps`, -2): texts in, plain
# values out (json's and configparser's file readers take file objects, whose `read` is the submission's or a file's)
KNOWN_MODULES["json"] = frozenset({"JSONDecoder", "JSONEncoder", "decoder", "encoder", "scanner", "tool"})
KNOWN_MODULES["configparser"] = frozenset()
# sparse matrices' products (fairness round 61: conv2d as a Toeplitz matrix times the image, torch.sparse.mm, -2);
# not its tensor subclasses (their operators run their own code), its gradient checker, nor the module it re-exports
KNOWN_MODULES["torch.sparse"] = frozenset({
    "SparseSemiStructuredTensor", "SparseSemiStructuredTensorCUSPARSELT", "SparseSemiStructuredTensorCUTLASS",
    "semi_structured", "to_sparse_semi_structured", "as_sparse_gradcheck", "check_sparse_tensor_invariants", "torch",
    "Any", "TYPE_CHECKING"})
#: Modules of which only the names listed are known.  pydantic: a model of plain fields and the student's own
#: validators (its ``ImportString``, ``Json``, ``validate_call``, ``v1`` resolve or evaluate text; string
#: annotations, which it evaluates, are read as code where they are reached: :func:`_string_annotation_outside`).
KNOWN_NAMES_ONLY: dict[str, frozenset[str]] = {
    # a text of settings read into plain values (fairness round 61), not yaml's object constructors
    "yaml": frozenset({"safe_load", "safe_load_all", "safe_dump", "safe_dump_all", "YAMLError"}),
    # the interpreter: its standard streams (a print to stderr) and its limits, nothing that reaches a module,
    # a frame or a hook (rule 2 reads an assignment to any of its names as a patch)
    "sys": frozenset({"stdout", "stderr", "getrecursionlimit", "maxsize", "float_info", "int_info", "version_info",
                      "byteorder", "platform",
                      # the command line's words, read for a debug flag (fairness round 55: `"--debug" in sys.argv`
                      # read in conv2d, -3); strings, and a literal is all that may be set on it (SYS_DATA_SETTINGS)
                      "argv"}),
    # a decorator of q6's own binding its arguments to a signature (fairness round 13); rule 2 allows inspect for
    # signatures and source only
    "inspect": frozenset({"signature", "Signature", "Parameter", "BoundArguments"}),
    # an attribute bag like a namedtuple (fairness round 30: a conv2d's geometry helper returned one); the rest of
    # `types` makes functions, code objects and classes
    "types": frozenset({"SimpleNamespace",
                        # a read-only view of a dict (fairness round 41: defaults of conv2d's arguments, -3)
                        "MappingProxyType"}),
    # an environment variable read as text (fairness round 30: `DEBUG = os.environ.get("LAB6_DEBUG") == "1"` read in
    # conv2d); the rest of `os` reaches files and processes
    "os": frozenset({"environ", "getenv"}),
    # the clock a timing decorator reads (fairness round 52: `from timeit import default_timer` around conv2d, -3;
    # it is time.perf_counter); the rest of timeit runs statements given as text
    "timeit": frozenset({"default_timer"}),
    "pydantic": frozenset({"BaseModel", "Field", "ConfigDict", "ValidationError", "field_validator",
                           "model_validator", "PositiveInt", "NonNegativeInt", "PositiveFloat", "NonNegativeFloat",
                           "NegativeInt", "NonPositiveInt", "StrictInt", "StrictFloat", "StrictBool", "StrictStr",
                           "conint", "confloat",
                           # its computed properties, pydantic 1's validators, its dataclasses (fairness round 36):
                           # decorators of the submission's own code, which evaluate no text the reader does not read
                           "computed_field", "validator", "root_validator", "dataclasses", "dataclass"}),
}
#: What a by-hand function may reach of an otherwise unknown module: ``@torch.jit.script`` on a ``def`` compiles
#: that def's own source, which is read like any other (rule 2 allows it as a decorator only, and so does rule 3).
KNOWN_DECORATORS = frozenset({"torch.jit.script"})
#: Built-in names a by-hand function may use (and every built-in exception): none reaches a name by a string,
#: a file, the import system or a namespace.
KNOWN_BUILTINS = frozenset({
    "abs", "all", "any", "ascii", "bin", "bool", "bytearray", "bytes", "callable", "chr", "classmethod", "complex",
    "dict", "divmod", "enumerate", "filter", "float", "format", "frozenset", "getattr", "hasattr", "hash", "hex",
    "id", "int", "isinstance", "issubclass", "iter", "len", "list", "map", "max", "min", "next", "object", "oct",
    "ord", "pow", "print", "property", "range", "repr", "reversed", "round", "set", "slice", "sorted",
    "staticmethod", "str", "sum", "super", "tuple", "type", "zip", "True", "False", "None", "NotImplemented",
    "Ellipsis", "__name__", "__doc__",
})
#: Why a module outside the allowlist cannot be read, for the families a student meets (the feedback names it).
OUTSIDE_REASONS = {
    "threading": "threads", "concurrent": "threads or processes run out of the grader's sight",
    "multiprocessing": "other processes", "subprocess": "another process", "psutil": "another process",
    "os": "the operating system", "sys": "the interpreter's internals",
}


@functools.lru_cache(maxsize=4096)
def _outside(full: str) -> str | None:
    """Why the dotted name ``full`` (``torch.utils.benchmark.Timer``, ``IPython.utils.importstring.import_item``)
    is outside the allowlist, or None when it is known.  Read from the judge's own copies of the modules: a name a
    known module does not have (``torch.hand_a``) was put there by code the reader did not see."""
    import importlib
    import sys
    import types

    parts = full.split(".")
    module = parts[0]
    if module == "builtins" and len(parts) <= 2 and set(parts[1:]) <= RESTORABLE_BUILTINS:
        return None  # (`import builtins` to take back `sum`, a rule of its own: _restores_builtins)
    if module in KNOWN_NAMES_ONLY and module in sys.modules or (module in KNOWN_NAMES_ONLY and _installed(module)):
        if len(parts) > 1 and parts[1] not in KNOWN_NAMES_ONLY[module]:
            return f"{module}.{parts[1]} (outside the parts of {module} whose behaviour the grader knows)"
        value = importlib.import_module(module)
        for index, part in enumerate(parts[1:], start=2):
            if part.startswith("_") and part not in PLAIN_PRIVATE_NAMES and part not in PLAIN_DUNDER_ATTRIBUTES:
                return f"{'.'.join(parts[:index])} (a private name, outside what the grader knows)"
            try:
                value = getattr(value, part)
            except Exception:  # noqa: BLE001
                return f"{'.'.join(parts[:index])} (not a name {parts[index - 2]} has)"
        return None
    if module not in KNOWN_MODULES:
        reason = OUTSIDE_REASONS.get(module, "a module whose behaviour the grader does not know")
        return f"{full} ({reason})"
    try:
        value = sys.modules.get(module) or importlib.import_module(module)
    except Exception:  # noqa: BLE001 - a known module that cannot be imported here is not known
        return f"{full} (a module whose behaviour the grader does not know)"
    known = module
    for index, part in enumerate(parts[1:], start=2):
        if part.startswith("_") and part not in PLAIN_PRIVATE_NAMES and part not in PLAIN_DUNDER_ATTRIBUTES \
                and not _type_alias(".".join(parts[:index - 1]), part):
            return f"{'.'.join(parts[:index])} (a private name, outside what the grader knows)"
        if known is not None and part in KNOWN_MODULES.get(known, ()):
            return f"{'.'.join(parts[:index])} (outside the parts of {known.split('.')[0]} whose behaviour the " \
                   "grader knows)"
        try:
            value = getattr(value, part)
        except Exception:  # noqa: BLE001 - AttributeError, or a lazy import that fails
            return f"{'.'.join(parts[:index])} (not a name {parts[index - 2]} has: something the grader did not " \
                   "read put it there)"
        if isinstance(value, types.ModuleType):
            if value.__name__ not in KNOWN_MODULES and not (index < len(parts) and any(
                    m.startswith(f"{value.__name__}.") for m in KNOWN_MODULES)):  # numpy.lib.stride_tricks
                return f"{'.'.join(parts[:index])} (outside the parts of {parts[0]} whose behaviour the grader knows)"
            known = value.__name__ if value.__name__ in KNOWN_MODULES else None
        else:
            known = None  # an attribute of a known function, class or value: rules 1 and 2 read what it is
    return None


def _import_outside(node: ast.Import | ast.ImportFrom, alias: ast.alias) -> Finding | None:
    """Rule 3 for an import a by-hand function reaches: the module, or the name taken from it, must be known."""
    if isinstance(node, ast.ImportFrom):
        full = f"{node.module}.{alias.name}" if alias.name != "*" else node.module or ""
    else:
        full = alias.name if alias.asname else alias.name.split(".")[0]
    reason = _outside(full)
    return Finding("unverifiable", f"import of {reason}", hides_from_models=False) if reason else None


#: operator's getters of attributes and methods by name: with constant names, ``x.name`` and ``x.name(...)`` written
#: another way (fairness round 7: ``operator.attrgetter("shape")``, ``operator.methodcaller("max")``).
NAMED_GETTERS = frozenset({"attrgetter", "methodcaller"})


def _plain_attribute_name(name: str) -> bool:
    """Whether ``x.name`` (each part of a dotted name) is an attribute the rules would let code read or call on any
    object: not private, not one that reaches code, not torch's convolution or pooling, not one that puts things
    into its object."""
    return all(part.isidentifier() and not part.startswith("_") and not BUILT_IN.search(part)
               and part not in UNREADABLE_ATTRIBUTES and part not in ANY_RECEIVER_ATTRIBUTES
               and part not in LOADING_ATTRIBUTES and part not in TORCH_FUNCTION_ATTRIBUTES
               and part not in STRING_EVALUATORS and part not in MUTATING_METHODS for part in name.split("."))


def _mark_constant_getters(reading: _Reading, calls) -> None:
    """Mark ``operator.attrgetter("shape")`` and ``operator.methodcaller("max", ...)`` whose names are constants
    :func:`_plain_attribute_name` accepts: read as the attribute or method they name, not as a resolver."""
    for call in calls:
        func = call.func
        # (`from operator import attrgetter` and `attrgetter("total")(acc)`: fairness round 81, -10)
        getter = func.attr if isinstance(func, ast.Attribute) and reading.imported.get(_root(func)[0] or "") \
            == "operator" else func.id.rpartition(".")[2] if isinstance(func, ast.Name) and reading.imported.get(
                func.id) == f"operator.{func.id}" and len(reading.bindings.get(func.id, ())) == 1 else None
        if not (getter in NAMED_GETTERS and not call.keywords and call.args):
            continue
        names = call.args if getter == "attrgetter" else call.args[:1]
        if all(isinstance(a, ast.Constant) and isinstance(a.value, str) and _plain_attribute_name(a.value)
               for a in names):
            func.__dict__["_constant_getter"] = True


def _only_constant_getter_calls(reading: _Reading, name: str) -> bool:
    """Whether every use of ``name`` (``attrgetter`` imported from operator, its one binding) is a call that
    :func:`_mark_constant_getters` marked: a constant, plain attribute name."""
    uses = [n for n in reading.nodes if isinstance(n, ast.Name) and n.id == name]
    return len(reading.bindings.get(name, ())) == 1 and all("_constant_getter" in n.__dict__ for n in uses)


def _reached_outside(reading: _Reading, sub: ast.AST, local: _Scope | None) -> Finding | None:
    """Rule 3 for a node of code a by-hand function reaches: an attribute chain of an imported name must resolve
    to a known name, a built-in must be one of :data:`KNOWN_BUILTINS`, and ``getattr(module, "name")`` is read as
    ``module.name``."""
    if local is None:
        return None
    if isinstance(sub, ast.Attribute) and sub.attr == "backward" and isinstance(sub.ctx, ast.Load):
        # backpropagation runs the gradient hooks of every tensor the graph reaches, hooks registered anywhere
        # (attack round 17 reached one through an in-place product with a view): no by-hand convolution needs it
        return Finding("unverifiable", f"{_root(sub)[1]} (backpropagation runs hooks out of the reader's sight)",
                       hides_from_models=False)
    if isinstance(sub, (ast.Import, ast.ImportFrom)):
        # an import inside reached code binds a local name, which the checks of imported names never see
        if sub.__class__ is ast.ImportFrom and sub.level:
            return Finding("unverifiable", "a relative import in reached code", hides_from_models=False)
        for alias in sub.names:
            top = (getattr(sub, "module", None) or alias.name).split(".")[0]
            outside = _import_outside(sub, alias) if _installed(top) else Finding(
                "unverifiable", f"import of {top} (a module that is not installed: code the submission may have "
                                "written)", hides_from_models=False)
            if outside:
                return outside
        return None
    if isinstance(sub, (ast.AnnAssign, ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
        if outside := _string_annotation_outside(reading, sub, local):
            return outside
    if isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef)):
        for decorator in sub.decorator_list:  # yielded after their def: marked as read here
            if _resolved(reading, decorator) in KNOWN_DECORATORS:
                for link in ast.walk(decorator):
                    link.__dict__["_known_decorator"] = True
        return None
    if isinstance(sub, ast.Attribute) and isinstance(sub.ctx, ast.Load) and "_known_decorator" not in sub.__dict__ \
            and "_constant_getter" not in sub.__dict__:
        root, _ = _root(sub)
        if root is None or root in local or root not in reading.imported:
            return None
        full = _resolved(reading, sub)
        reason = full and _outside(full)
        return Finding("unverifiable", reason, hides_from_models=False) if reason else None
    if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name) and sub.func.id in ("getattr", "hasattr") \
            and sub.func.id not in local and len(sub.args) > 1 and isinstance(sub.args[1], ast.Constant) \
            and isinstance(sub.args[1].value, str):
        owner = _resolved(reading, sub.args[0]) if not (
            isinstance(sub.args[0], ast.Name) and sub.args[0].id in local) else None
        reason = owner and _outside(f"{owner}.{sub.args[1].value}")
        return Finding("unverifiable", reason, hides_from_models=False) if reason else None
    if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Load) and sub.id not in local \
            and sub.id not in reading.bindings and sub.id not in reading.mutations \
            and sub.id not in ("self", "cls"):
        return _unbound_outside(reading, sub.id)
    return None


def _unbound_outside(reading: _Reading, name: str) -> Finding | None:
    """A built-in name no statement of the submission binds: one of :data:`KNOWN_BUILTINS`, an exception, or a name
    a star import of a known module binds (``from numpy import *``); any other built-in (``open``, ``input``,
    ``help``) is outside the allowlist.  A name that is no built-in is left alone: rule 1 reads code out of its
    class body or method at times (a change handed to an object), where such a name is a local of that scope."""
    import builtins

    # Python looks a free name up in the builtins module's namespace, not among the module object's attributes
    # (``__str__``, ``__class__``): ``__repr__ = __str__`` in a class body names the class's own method.
    if name not in vars(builtins):
        return None
    value = vars(builtins)[name]
    if name in KNOWN_BUILTINS or (isinstance(value, type) and issubclass(value, BaseException)):
        return None
    for module in reading.star_modules:
        if module in STAR_MODULES and _outside(f"{module}.{name}") is None:
            return None
    what = "a built-in" if value is not None else "a name no statement of the submission binds"
    return Finding("unverifiable", f"{name} ({what} outside the ones whose behaviour the grader knows)",
                   hides_from_models=False)


# -- Features that hide code only from what reaches them (issue 11: never a model's points for a q6 feature) -------

#: Attributes that change how the function they are given runs, and nothing else: found in code a by-hand function
#: or a model reaches, they hide it; in a demo cell no answer uses (``torch.compile(model, backend="eager")``),
#: nothing the checks run.  attribute -> the dotted names it must resolve to.
REACH_ONLY_ATTRIBUTES = {"compile": frozenset({"torch.compile"})}


def _changes_a_class_method(reading: _Reading, target: ast.Attribute, root: str) -> bool:
    """``CNN.forward = _cnn_forward``: a public attribute set directly on a class the submission defines (a notebook
    habit: fix a method in a later cell).  The class runs what it is given, which rule 1 reads wherever the class is
    reached (the statement is a change of the class), and what a model runs the worker sees; only a special method
    (``__torch_function__``) changes how Python or torch treat the class, and stays unreadable anywhere."""
    bindings = [b for b, _ in reading.bindings.get(root, []) if not _changes_only(b, root)]
    return (isinstance(target.value, ast.Name) and target.value.id == root
            and (not target.attr.startswith("_") or _a_private_name_torch_never_reads(target.attr))
            and root not in reading.global_in_functions and bool(bindings)
            and all(isinstance(b, ast.ClassDef) for b in bindings))


def _a_private_name_torch_never_reads(name: str) -> bool:
    """A private name (``_initial_state``) that is no special method and that torch's ``nn.Module`` neither defines
    nor reads (:func:`_torch_module_names`): set on a model's class, it is the class's own data, as a public name
    is (fairness round 57: ``CNN._initial_state = {k: v.clone() for ...}`` cost 10 points); a name torch reads
    (``_compiled_call_impl``, ``_call_impl``, ``_parameters``) changes what the module does."""
    return not (name.startswith("__") and name.endswith("__")) and name not in _torch_module_names()


def _a_private_name_of_its_own(reading: _Reading, name: str) -> bool:
    """Whether ``name`` is an attribute or method a class of the submission's gives its instances (set on ``self`` or
    bound in its body), and no torch object a model is made of or computes spells it: not nn.Module
    (:func:`_torch_module_names`), nor a module, a parameter, a tensor, an autograd node, a hook's handle or an
    optimiser (:func:`_torch_object_names`)."""
    if (name.startswith("__") and name.endswith("__")) or name in _torch_module_names():
        return False
    own = reading.memo.get("own private names")
    if own is None:
        own = reading.memo["own private names"] = frozenset(
            n for cls in reading.classes for n in (_instance_names(reading, cls) or ()) if n.startswith("_"))
    return name in own and name not in _torch_object_names()


#: torch's sources whose every ``_name`` may be an attribute of an object a model is made of or computes: its modules,
#: parameters and tensors, autograd's nodes and functions, hooks, storages, optimisers.
TORCH_OBJECT_SOURCES = ("nn/modules/*.py", "nn/parameter.py", "nn/utils/*.py", "_tensor.py", "_tensor_str.py",
                        "storage.py", "return_types.py", "autograd/*.py", "optim/optimizer.py", "utils/hooks.py",
                        "_C/_autograd.pyi", "_C/_functions.pyi")
#: The class of torch's stubs for the C part of every tensor (the rest of the stubs are classes no model holds).
TENSOR_STUB = ("_C/__init__.pyi", "class TensorBase")


@functools.lru_cache(maxsize=1)
def _torch_object_names() -> frozenset[str]:
    """Every private name (``_backward_hooks``, ``_base``, ``_post_accumulate_grad_hooks``) that
    :data:`TORCH_OBJECT_SOURCES` and the tensor's stub spell, read as text without importing torch (a local of the
    same spelling counts too: it errs towards a name being torch's).  Read when a submission first asks."""
    spec = importlib.util.find_spec("torch")
    names: set[str] = set()
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        for pattern in TORCH_OBJECT_SOURCES:
            for path in glob.glob(f"{folder}/{pattern}"):
                try:
                    with open(path, encoding="utf-8") as source:
                        names.update(re.findall(r"\b_\w+", source.read()))
                except (OSError, ValueError):
                    continue
        stub, start = TENSOR_STUB
        try:
            with open(f"{folder}/{stub}", encoding="utf-8") as source:
                text = source.read()
        except (OSError, ValueError):
            continue
        begin = text.find(f"\n{start}")
        end = text.find("\nclass ", begin + 1)
        if begin >= 0:
            names.update(re.findall(r"\b_\w+", text[begin:end if end > begin else len(text)]))
    if not {"_backward_hooks", "_conv_forward", "_version", "_post_accumulate_grad_hooks"} <= names:
        raise RuntimeError("torch's module and tensor sources could not be read")  # must not pass every name
    return frozenset(names)


@functools.lru_cache(maxsize=1)
def _torch_module_names() -> frozenset[str]:
    """Every name torch's ``torch/nn/modules/module.py`` defines, reads as an attribute or spells as a text (an
    attribute set with ``super().__setattr__("_parameters", ...)`` or read with ``getattr(self, "_x", None)``), read
    from its source without importing torch; its local variables (``_name`` in a loop: fairness round 58) are no
    attributes."""
    spec = importlib.util.find_spec("torch")
    names: set[str] = set()
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        try:
            with open(f"{folder}/nn/modules/module.py", encoding="utf-8") as source:
                tree = parse(source.read())  # under the parser's lock, as every parse in the judge
        except (OSError, SyntaxError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                names.add(node.attr)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.isidentifier():
                names.add(node.value)
    if not names:
        raise RuntimeError("torch's nn.Module source could not be read")  # the reader must not pass every name
    return frozenset(names)


def _changes_only(statement: ast.AST, name: str) -> bool:
    """Whether an assignment only changes what ``name`` holds (``CNN.forward = f``, ``table[k] = v``), never
    binds the name itself (the reading lists both as its bindings)."""
    if not isinstance(statement, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
        return False
    targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
    bare = [n for t in targets for n in ast.walk(t) if isinstance(n, ast.Name) and n.id == name
            and not any(isinstance(p, (ast.Attribute, ast.Subscript)) and p.value is n for p in ast.walk(t))]
    return not bare


#: A class's module: where typing and pydantic look the names of its string annotations up (attack round 52 set it
#: to "torch._C" in a model's body, and pydantic handed back torch's switches of the worker's recorders).
MODULE_DUNDER = "__module__"


def _the_main_module(value: ast.expr | None) -> bool:
    """``__module__ = "__main__"``: the notebook's own module, where the class is anyway."""
    return isinstance(value, ast.Constant) and value.value == "__main__"


def _plain_type_call(call: ast.Call) -> bool:
    """``type("CNN", (nn.Module,), {"__init__": _init, "forward": _forward})``: a class made like a ``class``
    statement, its namespace a dict whose keys are written out (none a special method but the plain ones, which
    rule 2 allows in a class body) and its bases plain names.  Rule 1 reads the call where the class is reached."""
    name, bases, namespace = call.args
    return (not call.keywords and isinstance(name, ast.Constant) and isinstance(name.value, str)
            and isinstance(bases, ast.Tuple) and all(isinstance(b, (ast.Name, ast.Attribute)) for b in bases.elts)
            and not any(isinstance(b, ast.Name) and b.id == "type" for b in bases.elts)  # a metaclass
            and isinstance(namespace, ast.Dict) and all(
                isinstance(k, ast.Constant) and isinstance(k.value, str) and k.value.isidentifier()
                and (not k.value.startswith("__") or k.value in PLAIN_DUNDERS)
                and (k.value != MODULE_DUNDER or _the_main_module(v)) for k, v in zip(namespace.keys, namespace.values)))


def _string_annotation_outside(reading: _Reading, node: ast.AST, local: _Scope) -> Finding | None:
    """A string in an annotation of reached code (``c: "ImportString"``) is code pydantic (and ``get_type_hints``)
    evaluate in the module's namespace: every name in it must be known, a built-in of :data:`KNOWN_BUILTINS`, or
    a class of the submission's own (a forward reference)."""
    if isinstance(node, ast.AnnAssign):
        annotations = [node.annotation]
    else:
        args = node.args
        annotations = [a.annotation for a in args.posonlyargs + args.args + args.kwonlyargs
                       + [args.vararg, args.kwarg] if a is not None and a.annotation is not None]
        annotations += [node.returns] if getattr(node, "returns", None) is not None else []
    texts = [text for annotation in annotations for text in _forward_references(annotation)]
    for text in texts:
        try:
            tree = parse(text.strip())
        except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
            continue  # not code: rule 2 reads what an annotation's text may be
        inner = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        for name in (n for n in ast.walk(tree) if isinstance(n, (ast.Name, ast.Attribute)) and id(n) not in inner):
            root, _ = _root(name)
            if root is None:
                continue
            full = reading.imported.get(root)
            if full is not None:
                resolved = full + _root(name)[1][len(root):] if isinstance(name, ast.Attribute) else full
                if (reason := _outside(resolved)) is None:
                    continue
                return Finding("unverifiable", f"{reason} in the annotation {text!r}", hides_from_models=False)
            bindings = reading.bindings.get(root, [])
            if root in KNOWN_BUILTINS or (bindings and all(isinstance(b, ast.ClassDef) for b, _ in bindings)):
                continue
            return Finding("unverifiable", f"{root} in the annotation {text!r} (evaluated out of the reader's sight)",
                           hides_from_models=False)
    return None


#: Calls and attributes that attach code to logging's global state (a handler, filter or formatter of the
#: submission's own runs inside any log call, whichever name or chain attached it).
LOGGING_HOOKS = frozenset({"addHandler", "addFilter", "setFormatter", "basicConfig", "setLoggerClass",
                           "setLogRecordFactory", "dictConfig", "fileConfig", "handlers", "filters"})


def _read_logging_callbacks(reading: _Reading, units: tuple[str, ...]) -> None:
    """Every simple statement anywhere that attaches code to logging (:data:`LOGGING_HOOKS`) is read as a change of
    the logging module: whatever reaches logging (``log.debug(...)`` in conv2d) reads the handlers, filters and
    formatters attached, through a reached name or not (``logging.getLogger("x").addHandler(Mine())``)."""
    aliases = [name for name, full in reading.imported.items() if full.split(".")[0] == "logging"]
    if not aliases or reading.__dict__.get("_logging_read"):
        return
    reading.__dict__["_logging_read"] = True
    simple = (ast.Expr, ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Return)
    for unit in units:
        try:
            tree = parse(unit)
        except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
            continue
        for statement in ast.walk(tree):
            if isinstance(statement, simple) and any(
                    (isinstance(n, ast.Attribute) and n.attr in LOGGING_HOOKS)
                    or (isinstance(n, ast.keyword) and n.arg in LOGGING_HOOKS) for n in ast.walk(statement)):
                for alias in aliases:
                    reading.mutations.setdefault(alias, []).append(statement)


#: Of :data:`OUTSIDE_REASONS`, the modules whose import rule 2 refuses anywhere: its feedback says why too.
RUNS_ELSEWHERE = frozenset({"threading", "concurrent", "multiprocessing", "subprocess"})
#: Modules of threads and processes: their imports are findings only where the code asked about reaches them, while
#: the judge sees a thread or process running besides the worker's own thread, or where it cannot tell
#: (:func:`_while_running`).  A process's is no other case than a thread's: one running when a check starts is seen,
#: one started during a check is counted (:class:`StartWatch`), and one that ended left files, of which code is run only
#: if the judge read it (:mod:`grader.worker.written_code`).  Until the starts were counted, processes counted wherever
#: imported (fairness round 43: a closed ``multiprocessing.Pool`` in a self-check, ``subprocess.run(["nvidia-smi"])``
#: and an unused ``ProcessPoolExecutor`` each cost q6, q7 and q8).
THREAD_MODULES = frozenset({"threading", "_thread", "concurrent", "multiprocessing", "subprocess"})


def _outside_reason(top: str) -> str:
    """`` (threads)`` after ``import threading`` in feedback: what the feature does, not only its name."""
    return f" ({OUTSIDE_REASONS[top]})" if top in RUNS_ELSEWHERE else ""
