"""TryggEst portal generator: one YAML file per municipality to website, print files and slides."""

__version__ = "0.1.0"
