"""One module per dashboard page: layout(views, state) and register(app, state)."""
