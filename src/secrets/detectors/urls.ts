import { detector } from './define.js';

/**
 * `scheme://user:password@host`: the password is the secret. The user part stops at ':' '@' '/',
 * the password at '@' and whitespace, so each starting point has one way to match.
 */
const credentialUrl = (id: string, title: string, schemes: string, keywords: string[], severity: 'critical' | 'high' | 'medium' = 'high', priority = 2) =>
  detector({
    id,
    title,
    category: 'url',
    severity,
    keywords,
    pattern: new RegExp(`(?<![A-Za-z0-9+.\\-])(?:${schemes})://[^:@/\\s"'\`<>]{0,128}:([^@/\\s"'\`<>]{1,256})@[A-Za-z0-9.\\-_\\[\\]]{1,253}`, 'i'),
    minEntropy: 1.5,
    priority,
  });

export const urlDetectors = [
  credentialUrl('postgres-url-password', 'PostgreSQL connection URL with a password', 'postgres(?:ql)?|jdbc:postgresql|postgis|pgsql', ['postgres', 'pgsql', 'postgis']),
  credentialUrl('mysql-url-password', 'MySQL / MariaDB connection URL with a password', 'mysql|mysql2|mysqlx|mariadb|jdbc:mysql|jdbc:mariadb', ['mysql', 'mariadb']),
  credentialUrl('mongodb-url-password', 'MongoDB connection URL with a password', 'mongodb(?:\\+srv)?', ['mongodb']),
  credentialUrl('redis-url-password', 'Redis connection URL with a password', 'rediss?|redis-sentinel|valkey', ['redis', 'valkey']),
  credentialUrl('amqp-url-password', 'AMQP (RabbitMQ) broker URL with a password', 'amqps?', ['amqp']),
  credentialUrl('mssql-url-password', 'SQL Server connection URL with a password', 'mssql|sqlserver|jdbc:sqlserver', ['mssql', 'sqlserver']),
  credentialUrl('kafka-nats-url-password', 'Kafka, NATS or MQTT broker URL with a password', 'nats|tls|mqtts?|kafka|stomp|ssl', ['nats:', 'mqtt', 'kafka:', 'stomp:', 'tls:', 'ssl:']),
  credentialUrl('ldap-url-password', 'LDAP URL with a bind password', 'ldaps?', ['ldap']),
  credentialUrl('ftp-url-password', 'FTP/SFTP URL with a password', 'ftps?|sftp', ['ftp:', 'ftps:', 'sftp:']),
  credentialUrl('smtp-url-password', 'SMTP URL with a password', 'smtps?', ['smtp']),
  credentialUrl('basic-auth-url', 'HTTP URL with basic-auth credentials', 'https?|git\\+https?|wss?', ['http:', 'https:', 'ws:', 'wss:'], 'high', 1),
  detector({
    id: 'connection-string-password',
    title: 'Password in an ADO.NET / ODBC connection string',
    category: 'url',
    severity: 'high',
    keywords: ['password=', 'pwd='],
    pattern: /(?:Server|Data Source|Host|Address)\s{0,2}=[^;"'\r\n]{1,200};(?:[A-Za-z ]{1,40}=[^;"'\r\n]{0,200};){0,10}?\s{0,2}(?:Password|Pwd)\s{0,2}=\s{0,2}([^;"'\r\n]{1,200})/i,
    minEntropy: 1.5,
    priority: 2,
  }),
];
