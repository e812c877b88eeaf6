variable "name" {
  description = "Prefix of every resource name"
  type        = string
  default     = "reporting"
}

variable "region" {
  description = "AWS region to deploy into"
  type        = string
  default     = "eu-west-1"
}

variable "admin_cidr" {
  description = "CIDR range allowed to reach SSH"
  type        = string
  default     = "0.0.0.0/0"
}

variable "db_instance_class" {
  description = "Instance class of the reports database"
  type        = string
  default     = "db.t4g.micro"
}
