"""Read-only SQL of the web pages that the store's query API does not provide."""
