"""Pure calculations and checks over loaded strategies: no printing, no files, no exits."""
