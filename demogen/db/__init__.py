"""The database side: schema and migrations, the atomic writer, read-back, integrity checks, jobs."""
