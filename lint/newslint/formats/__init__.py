"""The machine-readable output formats for CI services (SARIF, GitHub, GitLab, JUnit), one module
each; the text and JSON formats are in newslint.formatters. Registered in newslint.builtin."""
