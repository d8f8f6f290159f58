"""Quality evidence from the logs and from the people who read the answers."""
