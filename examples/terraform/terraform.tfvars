# Overrides variables.tf for this deployment; admin_cidr keeps its open default.
name = "acme-reporting"
