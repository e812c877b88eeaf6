# A small reporting stack with the gaps people most often leave open.
# The S3 settings live in s3.tf, as the AWS provider v4+ splits them into their own resources.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

resource "aws_security_group" "admin" {
  name        = "${var.name}-admin"
  description = "Web and admin access"

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "SSH for the operators"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.admin_cidr]
  }
}

resource "aws_db_instance" "reports" {
  identifier                  = "${var.name}-reports"
  engine                      = "postgres"
  instance_class              = var.db_instance_class
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  vpc_security_group_ids      = [aws_security_group.admin.id]
  publicly_accessible         = true
  storage_encrypted           = false
  skip_final_snapshot         = true
}

resource "aws_s3_bucket" "reports" {
  bucket = "${var.name}-reports"
}

resource "aws_s3_bucket" "logs" {
  bucket = "${var.name}-access-logs"
}
