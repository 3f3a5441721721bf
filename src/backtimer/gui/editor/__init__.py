"""The routine editor and the routines picker: make, change, share routines without YAML."""
