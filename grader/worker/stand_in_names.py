"""The names the worker's stand-ins for IPython's shell and for Otter answer to: the real objects' public names.

A stand-in that answered to every name (``get_ipython().anything`` a function that does nothing) told the worker
from a student's kernel: ``callable(get_ipython().qz_mark)`` is true only while graded, and a model could behave
as asked only then (attack round 165, through names of the submission's own that no library spells).  The real
shell and ``otter.Notebook`` refuse a name they lack with an ``AttributeError``; the stand-ins refuse those the real
objects lack, and answer the rest as before (a function that does nothing).  The lists are the installed IPython's
and ipykernel's (``ZMQInteractiveShell``, Jupyter's shell: its class's public names and those an instance sets) with
the older ``magic()``, and Otter 7's; tests/test_sandbox.py checks that they hold every name the installed ones have.
"""

SHELL_NAMES = frozenset({
    'Completer', 'CustomTB', 'InteractiveTB', 'SyntaxTB', 'active_eventloop', 'add_traits', 'alias_manager',
    'all_ns_refs', 'ask_exit', 'ask_yes_no', 'ast_node_interactivity', 'ast_transformers', 'atexit_operations',
    'auto_rewrite_input', 'autoawait', 'autocall', 'autoindent', 'automagic', 'banner', 'banner1', 'banner2',
    'builtin_trap', 'cache_size', 'call_pdb', 'check_complete', 'class_config_rst_doc', 'class_config_section',
    'class_get_help', 'class_get_trait_help', 'class_own_trait_events', 'class_own_traits', 'class_print_help',
    'class_trait_names', 'class_traits', 'cleanup', 'clear_instance', 'clear_main_mod_cache', 'colors', 'compile',
    'compiler_class', 'complete', 'config', 'configurables', 'cross_validation_lock', 'custom_exceptions',
    'data_pub', 'data_pub_class', 'db', 'debug', 'debugger', 'debugger_cls', 'default_user_namespaces',
    'define_macro', 'del_var', 'dir_stack', 'display_formatter', 'display_page', 'display_pub', 'display_pub_class',
    'display_trap', 'displayhook', 'displayhook_class', 'drop_by_id', 'enable_gui', 'enable_html_pager',
    'enable_matplotlib', 'enable_pylab', 'enable_tip', 'ev', 'events', 'ex', 'excepthook', 'execution_count',
    'exit_now', 'exiter', 'extension_manager', 'extract_input_lines', 'filename', 'find_cell_magic',
    'find_line_magic', 'find_magic', 'find_user_code', 'get_exception_only', 'get_ipython', 'get_local_scope',
    'get_parent', 'get_path_links', 'getoutput', 'has_trait', 'history_length', 'history_load_length',
    'history_manager', 'hold_trait_notifications', 'home_dir', 'hooks', 'indent_current_nsp', 'init_alias',
    'init_builtins', 'init_completer', 'init_create_namespaces', 'init_data_pub', 'init_display_formatter',
    'init_display_pub', 'init_displayhook', 'init_encoding', 'init_environment', 'init_events',
    'init_extension_manager', 'init_history', 'init_hooks', 'init_instance_attrs', 'init_io', 'init_ipython_dir',
    'init_logstart', 'init_magics', 'init_payload', 'init_pdb', 'init_prefilter', 'init_profile_dir',
    'init_prompts', 'init_pushd_popd_magic', 'init_syntax_highlighting', 'init_sys_modules',
    'init_traceback_handlers', 'init_user_ns', 'init_virtualenv', 'initialized', 'input_transformer_manager',
    'input_transformers_cleanup', 'input_transformers_post', 'inspector', 'inspector_class', 'instance',
    'ipython_dir', 'keepkernel_on_exit', 'kernel', 'last_execution_result', 'last_execution_succeeded', 'log',
    'logappend', 'logfile', 'logger', 'logstart', 'loop_runner', 'loop_runner_map', 'magic', 'magics_manager',
    'meta', 'mktempfile', 'more', 'new_main_mod', 'notify_change', 'ns_table', 'object_info_string_level',
    'object_inspect', 'object_inspect_mime', 'object_inspect_text', 'observe', 'on_trait_change', 'parent',
    'parent_header', 'payload_manager', 'payloadpage_page', 'pdb', 'prefilter', 'prefilter_manager',
    'prepare_user_module', 'profile', 'profile_dir', 'push', 'pycolorize', 'pylab_gui_select', 'quiet',
    'raw_input_original', 'readline_use', 'refresh_style', 'register_magic_function', 'register_magics', 'reset',
    'reset_selective', 'reset_thread_parent', 'restore_sys_module_state', 'run_ast_nodes', 'run_cell',
    'run_cell_async', 'run_cell_magic', 'run_code', 'run_line_magic', 'runcode', 'safe_execfile',
    'safe_execfile_ipy', 'safe_run_module', 'save_sys_module_state', 'section_names', 'separate_in', 'separate_out',
    'separate_out2', 'set_autoindent', 'set_completer_frame', 'set_custom_completer', 'set_custom_exc', 'set_hook',
    'set_next_input', 'set_parent', 'set_thread_parent', 'set_trait', 'set_trio_runner', 'setup_instance',
    'should_run_async', 'show_banner', 'show_rewritten_input', 'show_usage', 'show_usage_error',
    'showindentationerror', 'showing_traceback', 'showsyntaxerror', 'showtraceback', 'sphinxify_docstring',
    'starting_dir', 'stdin_encoding', 'strdispatchers', 'switch_doctest_mode', 'sys_excepthook', 'system',
    'system_piped', 'system_raise_on_error', 'system_raw', 'tempdirs', 'tempfiles', 'trait_defaults',
    'trait_events', 'trait_has_value', 'trait_metadata', 'trait_names', 'trait_values', 'traits', 'transform_ast',
    'transform_cell', 'trio_runner', 'unobserve', 'unobserve_all', 'update_config', 'user_expressions',
    'user_global_ns', 'user_module', 'user_ns', 'user_ns_hidden', 'var_expand', 'warn_venv',
    'wildcards_case_sensitive', 'xmode'
})

#: What ``otter`` offers at its top level (``otter.Notebook`` is the stand-in class itself).
OTTER_NAMES = frozenset({"Notebook", "api", "check", "execute", "export", "logging", "logs", "nbmeta_config", "plugins",
                         "run", "test_files", "utils", "version"})
#: What ``otter.Notebook(...)`` offers.
OTTER_NOTEBOOK_NAMES = frozenset({"add_plugin_files", "check", "check_all", "export", "init_grading_mode", "run_plugin",
                                  "to_pdf"})
