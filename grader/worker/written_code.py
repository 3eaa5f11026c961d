"""Code a submission writes while it runs is run only if the judge read it.

The judge's reader (:mod:`grader.questions.static`) reads every cell, and every text a submission writes to a file
when that text is a constant (``%%writefile helpers.py``): a module made of either is code it has read.  Anything
else written at run time (a text built from pieces, fetched, decoded, printed through a redirected stream, copied
by a library the reader does not know: attack rounds 38 and 39, 22 notebooks) is code nobody read, and a module
made of it ran out of sight: it replaced ``conv2d`` with torch's own convolution in a thread.

So the worker, before any of the submission's code runs:

- refuses to compile a file under a folder the submission can write (its scratch, ``/tmp``, ``/dev/shm``,
  ``/var/tmp``) unless the file's bytes are one of the texts the judge read (their SHA-256 digests come with the
  load request), through an audit hook, which nothing in Python removes (``sys.addaudithook``); every import of a
  source file, ``runpy``, pytest's loaders and ``compile(text, path)`` raise the ``compile`` event with the path;
- refuses to open a bytecode file (``.pyc``) there, so an import never skips the source for a cached or forged
  compiled form (the loader falls back to the source, checked as above), and writes none;
- finds modules in those folders through a finder that loads source files only, never an extension module
  (``.so``), whose code no one can read;
- lets doctest (and pytest's doctest plugin) run only the examples of the docstrings the judge read (their sources'
  digests come in the same list): an example made at run time is code nobody read (attack round 41);
- lets a library compile a text that is no file of the runtime only while a library module is imported (its own
  code generation), when it is one of the few that write code of their own (:data:`CODE_GENERATORS`:
  ``namedtuple``, ``dataclasses``, typing, torch...), or when the text is a plain expression (:data:`TEXT_EVALUATORS`:
  SymPy, pandas' expressions).  Any other library that turns
  a text it is handed into code (NumPy's ``runstring``, IPython's formatters, YAML's constructors, pdb...: attack
  rounds 41 to 45 found one after another inside the libraries a notebook may use) is refused whatever it is
  called, instead of each being refused by name in the reader once found.

The submission cannot lift it: the hook cannot be removed, and the import system's tables (``sys.path_hooks``,
``sys.meta_path``, ``sys.path_importer_cache``, ``importlib``) are refused by the reader's rule 2.
"""

from __future__ import annotations

import ast
import builtins
import hashlib
import os
import re
import sys

from ..checkapi.protocol import TYPE_TEXT_PREFIX

#: Folders a worker can write, besides its working folder (its scratch).
WRITABLE_FOLDERS = ("/tmp", "/dev/shm", "/var/tmp")
#: How doctest names the code of an example it compiles (``<doctest NAME[0]>``).
DOCTEST_NAME = "<doctest "
#: The endings of compiled code a loader would run without its source.
COMPILED_SUFFIXES = (".pyc", ".pyo")
#: Library code that turns any text it is handed into Python and evaluates it: SymPy parses a string met anywhere
#: (``sympify``, arithmetic with a Symbol, ``Matrix([["..."]])``, ``.subs``, ``simplify("...")``: attack rounds 41
#: and 42), and its lambdifiers (``lambdify``, the plotting module's ``experimental_lambdify``: round 43) compile what
#: a printer writes of an expression, a Symbol's name included.  What any of SymPy compiles is checked by
#: :func:`plain_expression` (its own texts, as a notebook's symbolic work makes it compile them, are plain).
TEXT_EVALUATORS = ("/sympy/", "/pandas/core/computation/")
#: Library code that writes Python of its own from names it checks (``namedtuple``'s and ``dataclass``'s methods,
#: ``timeit``'s loop around a callable, torch's compilers and code generators, pytest's ``-k`` expressions, doctest's
#: examples, checked against the judge's digests), or evaluates the annotations of the code it is given (typing's
#: forward references, ``inspect.signature``'s of built-ins: libraries' own annotations name private types, and
#: a submission's are read by the reader where written): what it compiles may be any text.  (A text a library is
#: handed but does not write, which the reader sees as an argument, is the reader's to check: ``timeit`` given a
#: text, ``typing.ForwardRef(text)``, ``inspect.signature(f, eval_str=True)``.)
CODE_GENERATORS = ("/collections/__init__.py", "/dataclasses.py", "/timeit.py", "/doctest.py", "/torch/",
                   # pydantic's typing_inspection writes its `is_X` checks (`obj is typing.X`) as it is used
                   "/typing_inspection/",
                   "/_pytest/mark/expression.py",
                   # torch's own einops (a rearrange's function written from its pattern: fairness round 37), and
                   # pydantic 1's test of `__IPYTHON__` (a constant text)
                   "/functorch/", "/pydantic/v1/utils.py",
                   # matplotlib's check of a cycler given as text (its rc files' default): no built-ins, no dunder,
                   # no name but cycler's
                   "/matplotlib/rcsetup.py")
#: The code generator of CODE_GENERATORS that writes the field names of a class it is handed into the code it
#: compiles without checking they are names (``@dataclass`` takes them from the class's ``__annotations__``; only
#: ``make_dataclass`` checks): what it compiles runs only when every name a class of the one it makes holds is an
#: identifier (attack round 48: a key made of code ran as the class was made).
NAMING_GENERATOR = "/dataclasses.py"
#: The namespaces of a class whose keys that generator writes into code.
FIELD_TABLES = ("__annotations__", "__dataclass_fields__")
#: Library code that evaluates the annotations it is handed (typing's forward references, which pydantic and
#: ``get_type_hints`` make of every string annotation, and ``inspect``'s ``eval_str``), looking their names up in
#: namespaces a class body fills: what it compiles must be a type expression (:func:`type_expression`).  Trusted
#: whole as code generators until attack round 49, which bound a forward reference's name again in a pydantic
#: model's body (``Width: ClassVar[str] = TEXT``) and had typing compile and run the text.  (``inspect`` also compiles
#: a built-in's text signature, ``def foo(...): pass``.)
TYPE_EVALUATORS = ("/typing.py", "/typing_extensions.py", "/inspect.py", "/annotationlib.py")
#: Built-in names a type expression may use besides :data:`PLAIN_BUILTINS`.
TYPE_BUILTINS = frozenset({"type", "object", "bytes", "bytearray", "frozenset", "slice", "memoryview", "Ellipsis",
                           "NotImplemented", "BaseException", "Exception", "callable", "property", "staticmethod",
                           "classmethod"})
#: The operators of a type expression: ``|`` of a union, and constant arithmetic in metadata (``Field(le=2 ** 4)``).
TYPE_OPERATORS = (ast.BitOr, ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow)
#: The nodes of a type expression: names, dotted names, subscripts, constants, those operators, and calls of metadata
#: (:data:`TYPE_METADATA_CALLS`); no lambda, no comprehension, no ``:=``, no statement.
TYPE_EXPRESSION_NODES = (ast.Expression, ast.Name, ast.Attribute, ast.Subscript, ast.Constant, ast.Tuple, ast.List,
                         ast.Dict, ast.Set, ast.Starred, ast.Slice, ast.Call, ast.keyword, ast.BinOp, ast.UnaryOp,
                         ast.USub, ast.UAdd, ast.Load, *TYPE_OPERATORS)
#: The callables a type expression may call: typing's constructors and pydantic's and annotated-types' metadata
#: (``Annotated[int, Field(ge=1)]``, ``conint(ge=1)``).  Any other call is refused: attack round 50 called
#: ``torch.fx.graph_module._exec_with_source(text)`` from a forward reference, and public functions that compile a
#: text (``torch.jit.CompilationUnit``, ``timeit.Timer``) would do as well.
TYPE_METADATA_CALLS = frozenset({
    "Field", "PrivateAttr", "conint", "confloat", "constr", "conlist", "conset", "confrozenset", "condecimal",
    "condate", "conbytes", "Strict", "StringConstraints", "Gt", "Ge", "Lt", "Le", "MultipleOf", "MinLen", "MaxLen",
    "Len", "Interval", "Timezone", "Unit", "Discriminator", "Tag", "WithJsonSchema", "TypeVar", "ParamSpec",
    "TypeVarTuple", "NewType", "ForwardRef", "Doc"})
#: The function ``inspect`` writes to read a built-in's text signature.
SIGNATURE_FUNCTION = "foo"
#: How a path names a library's file (besides the standard library's folder).
LIBRARY_FOLDERS = ("/site-packages/", "/dist-packages/")
#: Built-in names a text those libraries compile may use: values and arithmetic, nothing that reaches code, names
#: or objects (``exec``, ``__import__``, ``getattr``, ``open``, ``type``...).
PLAIN_BUILTINS = frozenset({"True", "False", "None", "int", "float", "complex", "bool", "abs", "pow", "min", "max",
                            "round", "sum", "range", "len", "tuple", "list", "dict", "set", "str", "divmod"})
#: The namespaces SymPy's lambdifiers fill with a star import (``from math import *``, ``import numpy; from numpy
#: import *``, ``from sympy.functions import *``) before they compile the function they write.
MATH_NAMESPACES = frozenset({"math", "cmath", "mpmath", "numpy", "numpy.linalg", "scipy", "scipy.special", "sympy",
                             "sympy.functions", "sympy.matrices",
                             # `reduce` for a lambdified Max or Min (fairness round 37)
                             "functools"})
#: The names SymPy's lambdify gives a tuple argument it unpacks (``lambdify([(h, w), k], ...)``: fairness round 37).
LAMBDIFY_ARGUMENT = re.compile(r"_Dummy_\d+")
#: The name of the function ``lambdify`` writes.
LAMBDIFIED = "_lambdifygenerated"
#: Names in those namespaces that load objects or code from a file or a module given by name (a pickle, a shared
#: library, Fortran), which a text may not reach either.
LOADING_NAMES = frozenset({"import_module", "load", "loads", "loadtxt", "genfromtxt", "fromfile", "memmap",
                           "open_memmap", "read_array", "ctypeslib", "load_library", "DataSource", "f2py", "system",
                           "popen"})


def plain_expression(source, builtin_names: frozenset) -> bool:
    """Whether a text SymPy compiles is one of its own: expressions of the names of its namespaces, their names
    neither private, nor built-in (but :data:`PLAIN_BUILTINS`), nor loaders (:data:`LOADING_NAMES`); no statement
    but imports of :data:`MATH_NAMESPACES` and functions of plain names (and ``_lambdifygenerated``).

    SymPy's parser and its lambdifiers compile only such texts for a notebook's symbolic work (``Symbol ('x'
    )*Integer (2 )``, ``def _lambdifygenerated(n): return floor(n/2)``, a plot's); a payload needs ``exec``,
    ``__import__``, a frame, a dunder or a loader.  ``source`` is what ``compile`` was given: a text, bytes or a
    tree (``parse_expr(..., evaluate=False)`` compiles a tree)."""
    if isinstance(source, ast.AST):
        tree = source
    else:
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError, TypeError):
            return True  # compile raises the same error

    def plain_name(name: str) -> bool:
        if LAMBDIFY_ARGUMENT.fullmatch(name):
            return True
        return not name.startswith("_") and name not in LOADING_NAMES and (
            name not in builtin_names or name in PLAIN_BUILTINS)

    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.module not in MATH_NAMESPACES or node.level:
                return False
        elif isinstance(node, ast.Import):
            if any(a.name not in MATH_NAMESPACES or a.asname for a in node.names):
                return False
        elif isinstance(node, (ast.Global, ast.Nonlocal, ast.ClassDef, ast.AsyncFunctionDef, ast.Lambda)):
            return False
        elif isinstance(node, ast.FunctionDef) and (node.decorator_list or not (
                node.name == LAMBDIFIED or plain_name(node.name))):
            return False  # (SymPy writes functions of its own too: its polynomials' monomial operations)
        elif isinstance(node, ast.Name) and not plain_name(node.id):
            return False
        elif isinstance(node, ast.Attribute) and not plain_name(node.attr):
            return False
        elif isinstance(node, ast.keyword) and node.arg == "allow_pickle":
            return False
    return True


def type_expression(source, builtin_names: frozenset, private: bool = False) -> bool:
    """Whether ``source`` (a text, bytes or a tree) is a type expression an annotation may hold (see
    :data:`TYPE_EXPRESSION_NODES`): every name and attribute neither a dunder nor one of :data:`LOADING_NAMES`, a
    built-in only if it is a value or a type (:data:`PLAIN_BUILTINS`, :data:`TYPE_BUILTINS`), so that no ``exec``,
    ``__import__``, ``getattr`` or ``globals`` is reached; or ``inspect``'s ``def foo(...): pass`` of a built-in.

    A name or an attribute may be private (``torch.classes.profiler._RecordFunction``) only when ``private``: a
    library's own annotation, which names its own internals; a submission's text that names one reaches what the
    reader refuses written out (attack round 51 fetched ``torch._C._DisableTorchDispatch`` through an annotation
    and switched the worker's recorders off with it; round 52, the bare name, in a class whose module was set to
    ``torch._C``)."""
    if isinstance(source, ast.AST):
        tree = source
    else:
        try:
            tree = ast.parse(source, mode="eval")
        except (SyntaxError, ValueError, TypeError):
            try:
                tree = ast.parse(source)
            except (SyntaxError, ValueError, TypeError):
                return True  # compile raises the same error
            body = tree.body
            return len(body) == 1 and isinstance(body[0], ast.FunctionDef) and body[0].name == SIGNATURE_FUNCTION \
                and not body[0].decorator_list and body[0].returns is None \
                and [type(st) for st in body[0].body] == [ast.Pass] and all(
                    isinstance(n, (*TYPE_EXPRESSION_NODES, ast.FunctionDef, ast.arguments, ast.arg, ast.Pass,
                                   ast.Module))
                    and not (isinstance(n, ast.Name) and not _type_name(n.id, builtin_names))
                    and not (isinstance(n, ast.Attribute) and not _type_name(n.attr, builtin_names))
                    for n in ast.walk(tree))
    for node in ast.walk(tree):
        if not isinstance(node, TYPE_EXPRESSION_NODES):
            return False
        if isinstance(node, ast.BinOp) and not isinstance(node.op, TYPE_OPERATORS):
            return False
        if isinstance(node, ast.Name) and (
                not _type_name(node.id, builtin_names) or not private and node.id.startswith("_")):
            return False  # (a bare name too: the namespace may be a library's, `__module__ = "torch._C"`, round 52)
        if isinstance(node, ast.Attribute) and (
                not _type_name(node.attr, builtin_names) or not private and node.attr.startswith("_")):
            return False
        if isinstance(node, ast.Call) and not (
                isinstance(node.func, ast.Name) and node.func.id in TYPE_METADATA_CALLS
                or isinstance(node.func, ast.Attribute) and node.func.attr in TYPE_METADATA_CALLS):
            return False
    return True


def _type_name(name: str, builtin_names: frozenset) -> bool:
    """Whether a name may stand in a type expression (:func:`type_expression`)."""
    return not (name.startswith("__") and name.endswith("__")) and name not in LOADING_NAMES and (
        name not in builtin_names or name in PLAIN_BUILTINS or name in TYPE_BUILTINS)


def install(read_digests, writable=()) -> None:
    """Guard this process's imports (see the module's docstring); ``read_digests``: the SHA-256 hex digests of the
    texts the judge read as written code (anything but a list of strings counts as none)."""
    import importlib.machinery

    allowed = frozenset(d for d in read_digests if isinstance(d, str)) if isinstance(read_digests, list) \
        else frozenset()
    # Every function and constant the hook uses is bound here, before the submission runs: it may set `os.sep`
    # (a constant, attack round 40) or change folders (`os.chdir`: a relative name is resolved where it is used)
    realpath, join, isabs, sha256, fspath = os.path.realpath, os.path.join, os.path.isabs, hashlib.sha256, os.fspath
    exists, getframe = os.path.lexists, sys._getframe
    builtin_names = frozenset(dir(builtins))
    # Which frames are a library's: the standard library's folder and site-packages, but the grader's own package
    # (installed there too, on Gradescope), whose cells and magics are the texts the judge read.
    import sysconfig

    standard = tuple({sysconfig.get_paths()[key] + "/" for key in ("stdlib", "platstdlib")})
    own = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + "/"
    parser = ast.__file__

    def library(path: str) -> bool:
        # (not a folder the submission writes, whatever it is called: `/tmp/x/site-packages/m.py` is its own)
        return not path.startswith(own) and (path.startswith(standard) or any(f in path for f in LIBRARY_FOLDERS)) \
            and not written(path)
    getcwd, sep = os.getcwd, "/"
    cwd = realpath(getcwd())
    roots = tuple(sorted({realpath(p) for p in (cwd, *WRITABLE_FOLDERS, *writable)}))
    # The runtime's own folders (the standard library, site-packages, the grader's checkout: every entry of the
    # import path but the working folder), wherever they are, /tmp included (a checkout under /tmp/ci): the
    # worker cannot write there (bound read-only, or outside its Landlock view), and their modules are the runtime's
    runtime = tuple(sorted({full for full in (realpath(p) for p in sys.path if p) if full not in roots
                            and full != sep and not cwd.startswith(full + sep)}))

    def written(path) -> bool:
        """Whether ``path`` names a file (or folder) in a folder the submission can write."""
        try:
            path = fspath(path)
        except TypeError:
            return False
        if isinstance(path, bytes):
            path = path.decode("utf-8", "surrogateescape")
        if not isinstance(path, str) or path.startswith("<"):
            return False  # a cell's or a string's name (`<cell 3>`, `<string>`), not a file
        full = realpath(path if isabs(path) else join(getcwd(), path))
        return any(full == root or full.startswith(root + sep) for root in roots) and not any(
            full == folder or full.startswith(folder + sep) for folder in runtime)

    def a_file(filename) -> bool:
        """Whether ``filename`` names a file: a library's source or template (the runtime's, which the submission
        cannot write), or one the submission wrote (checked against the judge's digests below)."""
        name = filename if isinstance(filename, str) else filename.decode("utf-8", "surrogateescape")
        return not name.startswith("<") and exists(name if isabs(name) else join(getcwd(), name))

    import dataclasses
    import keyword

    is_identifier, is_keyword, field_type = str.isidentifier, keyword.iskeyword, dataclasses.Field
    field_name = dataclasses.Field.__dict__["name"].__get__  # the slot itself: no property of a subclass answers
    mro_of, namespace_of = type.__dict__["__mro__"].__get__, type.__dict__["__dict__"].__get__
    dict_keys, dict_values = dict.keys, dict.values

    def a_name(name) -> bool:
        return type(name) is str and is_identifier(name) and not is_keyword(name)

    def plain_fields(frame, generator: str) -> bool:
        """Whether every class the generator's frames hold (``cls``: the class being made) names its fields with
        identifiers, in its annotations and in the fields a base made by hand declares (:data:`FIELD_TABLES`)."""
        while frame is not None and frame.f_code.co_filename == generator:
            made = frame.f_locals.get("cls")
            if isinstance(made, type):
                for klass in mro_of(made):
                    namespace = namespace_of(klass)
                    for table in FIELD_TABLES:
                        held = namespace.get(table)
                        if held is None:
                            continue
                        if type(held) is not dict or not all(a_name(k) for k in dict_keys(held)):
                            return False
                        if table == FIELD_TABLES[1] and not all(
                                type(f) is field_type and a_name(field_name(f)) for f in dict_values(held)):
                            return False
            frame = frame.f_back
        return True

    def library_text(frame, source) -> bool:
        """Whether the text a type evaluator compiles is a constant of a library's code that asked for it, on the
        stack before any of the submission's frames (torch's profiler evaluates ``Optional["torch.classes.profiler.
        _RecordFunction"]`` as a DataLoader's workers start): the library's own annotation, not the submission's."""
        text = source.decode("utf-8", "surrogateescape") if isinstance(source, (bytes, bytearray)) else source
        if type(text) is not str:
            return False
        while frame is not None:
            path = frame.f_code.co_filename
            if not library(path):
                return False  # the submission's code asked first
            if not any(part in path for part in TYPE_EVALUATORS) and text in frame.f_code.co_consts:
                return True
            frame = frame.f_back
        return False

    dump, parse_expression = ast.dump, ast.parse

    def read_as_type(source) -> bool:
        """Whether a text a type evaluator compiles for the submission is one the judge read in its source (an
        annotation, a string constant: their digests come with the load request), or a bare name (whatever it is
        bound to, a text included, is looked up and, a text, compiled and checked in its turn)."""
        try:
            tree = source if isinstance(source, ast.AST) else parse_expression(source, mode="eval")
        except (SyntaxError, ValueError, TypeError, RecursionError, MemoryError):
            return True  # compile raises the same error
        body = tree.body if isinstance(tree, ast.Expression) else tree
        if isinstance(body, ast.Name):
            return True
        return sha256((TYPE_TEXT_PREFIX + dump(body)).encode("utf-8")).hexdigest() in allowed

    def importing(frame) -> bool:
        """Whether a library module is being imported in ``frame``'s stack (its top-level code runs): what it
        compiles then is its own code (mpmath writes its number types' methods as it is imported, and SymPy, which
        torch imports as it first needs it, imports mpmath)."""
        while frame is not None:
            if frame.f_code.co_name == "<module>" and library(frame.f_code.co_filename):
                return True
            frame = frame.f_back
        return False

    def hook(event: str, args: tuple) -> None:
        if event == "compile" and isinstance(args[1], str) and args[1].startswith(DOCTEST_NAME):
            # a doctest example (doctest, pytest's doctest plugin): one of the docstrings' the judge read, or none
            data = args[0].encode("utf-8") if isinstance(args[0], str) else args[0]  # (the event gives bytes)
            if not isinstance(data, (bytes, bytearray)) or sha256(data).hexdigest() not in allowed:
                raise ImportError(f"{args[1]}: a doctest example the grader did not read is not run")
        elif event == "compile":
            source, filename = args[0], args[1]
            frame = getframe(1)
            # ast.parse compiles for whoever called it: that caller is the compiler (pandas parses a text, then
            # evaluates the tree itself); ast.literal_eval's text can only be a literal
            while frame is not None and frame.f_code.co_filename == parser and frame.f_code.co_name != "literal_eval":
                frame = frame.f_back
            compiler = frame.f_code.co_filename if frame is not None else ""
            if frame is not None and frame.f_code.co_filename == parser:
                compiler = ""  # a literal
            if any(part in compiler for part in TYPE_EVALUATORS) and library(compiler) and not importing(frame):
                own = library_text(frame, source)
                if not type_expression(source, builtin_names, private=own):
                    raise ImportError(f"text that {compiler.rsplit(sep, 1)[-1]} evaluates as a type, which is no type "
                                      "expression and reaches code out of the grader's sight, is not run")
                if not own and not read_as_type(source):
                    raise ImportError(f"text that {compiler.rsplit(sep, 1)[-1]} evaluates as a type, made while the "
                                      "submission ran and so out of the grader's sight, is not run")
            elif any(part in compiler for part in TEXT_EVALUATORS):
                if not plain_expression(source, builtin_names):
                    raise ImportError(f"text that {compiler.rsplit(sep, 1)[-1]} evaluates, which reaches code out "
                                      "of the grader's sight, is not run")
            elif compiler.endswith(NAMING_GENERATOR) and library(compiler) and not plain_fields(frame, compiler):
                raise ImportError("a dataclass whose field names are no identifiers is not made: dataclasses writes "
                                  "them into the code it compiles, which reaches code out of the grader's sight")
            elif library(compiler) and not any(part in compiler for part in CODE_GENERATORS) and not (
                    isinstance(filename, (str, bytes)) and a_file(filename)) and not importing(frame):
                raise ImportError(f"text that {compiler.rsplit(sep, 1)[-1]} compiles, which reaches code out of the "
                                  "grader's sight, is not run")
            if not isinstance(filename, (str, bytes)):
                return
            name = filename if isinstance(filename, str) else filename.decode("utf-8", "surrogateescape")
            # A path (a zip member's too, which is no file of its own); a name without a folder counts when a file
            # of that name is there (`eval_config_file(Path("notes.txt"))` compiles under the relative name: attack
            # round 42), else it is a library's label for code it generates (`namedtuple_Point.__new__`)
            if not written(name) or (sep not in name and not exists(join(getcwd(), name))):
                return
            data = source.encode("utf-8") if isinstance(source, str) else source
            if not isinstance(data, (bytes, bytearray)) or sha256(data).hexdigest() not in allowed:
                raise ImportError(f"{filename}: code the submission wrote while it ran, which the grader did not "
                                  "read, is not run")
        elif event == "open" and args and isinstance(args[0], (str, bytes)):
            name = args[0] if isinstance(args[0], str) else args[0].decode("utf-8", "surrogateescape")
            if name.endswith(COMPILED_SUFFIXES) and written(name):
                raise PermissionError(f"{name}: compiled code in a folder the submission writes is not read")

    def source_only(path: str):
        if not written(path or getcwd()):
            raise ImportError("not a folder the submission writes")
        return importlib.machinery.FileFinder(path, (importlib.machinery.SourceFileLoader,
                                                     importlib.machinery.SOURCE_SUFFIXES))

    sys.dont_write_bytecode = True
    sys.path_hooks.insert(0, source_only)
    for cached in [p for p in sys.path_importer_cache if isinstance(p, str) and written(p or getcwd())]:
        del sys.path_importer_cache[cached]  # (only those: the runtime's stay, rebuilding them slows every import)
    sys.addaudithook(hook)
