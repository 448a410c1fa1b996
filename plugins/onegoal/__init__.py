"""OneGoal manual library: content model, validation, MkDocs plugin and editors' CLI."""
