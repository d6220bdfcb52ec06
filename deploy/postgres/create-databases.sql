-- Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d).
-- One database and one owner per service: no service can read another's tables (docs/design.md §3).
-- The passwords are for a developer machine only; Kubernetes gets generated ones from CloudNativePG.
CREATE USER grid WITH PASSWORD 'grid';
CREATE DATABASE grid OWNER grid;
CREATE USER member WITH PASSWORD 'member';
CREATE DATABASE member OWNER member;
CREATE USER wish WITH PASSWORD 'wish';
CREATE DATABASE wish OWNER wish;
CREATE USER matching WITH PASSWORD 'matching';
CREATE DATABASE matching OWNER matching;
CREATE USER committee WITH PASSWORD 'committee';
CREATE DATABASE committee OWNER committee;
CREATE USER fieldwork WITH PASSWORD 'fieldwork';
CREATE DATABASE fieldwork OWNER fieldwork;
CREATE USER apps WITH PASSWORD 'apps';
CREATE DATABASE apps OWNER apps;
CREATE USER identity WITH PASSWORD 'identity';
CREATE DATABASE identity OWNER identity;
