"""After the engine: what happens to a file's findings before they are reported
(one finding per problem, applying fixes)."""
