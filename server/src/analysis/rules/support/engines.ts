// Database engine families.

type RdsEngine = 'postgres' | 'mysql' | 'sqlserver' | 'oracle' | 'db2' | 'aurora-postgresql' | 'aurora-mysql';


/** The engine family of an RDS engine name or parameter group family ("postgres16", "aurora-mysql8.0", "sqlserver-se-15.0"). */
export function rdsEngine(name: string | undefined): RdsEngine | undefined {
  if (!name) return undefined;
  const lower = name.toLowerCase();
  if (lower.startsWith('aurora-postgresql')) return 'aurora-postgresql';
  if (lower.startsWith('aurora')) return 'aurora-mysql';
  if (lower.startsWith('postgres')) return 'postgres';
  if (lower.startsWith('mysql') || lower.startsWith('mariadb')) return 'mysql';
  if (lower.startsWith('sqlserver')) return 'sqlserver';
  if (lower.startsWith('oracle') || lower.startsWith('custom-oracle')) return 'oracle';
  if (lower.startsWith('db2')) return 'db2';
  if (lower.startsWith('custom-sqlserver')) return 'sqlserver';
  return undefined;
}
