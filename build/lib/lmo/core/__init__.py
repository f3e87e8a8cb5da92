"""Plain building blocks every stage uses: problems, YAML with line numbers, numbers, dates and
words."""
