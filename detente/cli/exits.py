"""The exit codes of every command (docs/cli.md, "Exit codes"), in a module of their own so that the command
modules and the entry point that loads them can all name them."""

EXIT_OK = 0  # every input coded
EXIT_REJECTED = 1  # some inputs rejected or failed to code; the rest was done
EXIT_USAGE = 2  # a bad option or argument, or a numbered error: nothing (more) was done
EXIT_INTERNAL = 3  # a bug or a failure of the machine; the traceback only under --verbose
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT
