// Loads nodes.csv and relationships.csv, copied into the import directory of a
// running Neo4j 5, without APOC:  cypher-shell -f load.cypher
// Running it again changes nothing (MERGE). For an empty database the offline
// import is faster (then run constraints.cypher):
//   neo4j-admin database import full --nodes=nodes.csv \
//     --relationships=relationships.csv --multiline-fields=true neo4j

CREATE CONSTRAINT `event_id` IF NOT EXISTS FOR (n:`Event`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT `initiative_id` IF NOT EXISTS FOR (n:`Initiative`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT `investment_id` IF NOT EXISTS FOR (n:`Investment`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT `organization_id` IF NOT EXISTS FOR (n:`Organization`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT `person_id` IF NOT EXISTS FOR (n:`Person`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT `place_id` IF NOT EXISTS FOR (n:`Place`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT `product_id` IF NOT EXISTS FOR (n:`Product`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT `program_id` IF NOT EXISTS FOR (n:`Program`) REQUIRE n.id IS UNIQUE;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
WITH row WHERE row.`:LABEL` = 'Event'
MERGE (n:`Event` {id: row.`id:ID`})
SET n.label = row.label,
    n.aliases = split(row.`aliases:string[]`, ';'),
    n.docs = split(row.`docs:string[]`, ';'),
    n.amount = toInteger(row.`amount:long`),
    n.currency = row.currency,
    n.year = toInteger(row.`year:int`),
    n.role = row.role;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
WITH row WHERE row.`:LABEL` = 'Initiative'
MERGE (n:`Initiative` {id: row.`id:ID`})
SET n.label = row.label,
    n.aliases = split(row.`aliases:string[]`, ';'),
    n.docs = split(row.`docs:string[]`, ';'),
    n.amount = toInteger(row.`amount:long`),
    n.currency = row.currency,
    n.year = toInteger(row.`year:int`),
    n.role = row.role;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
WITH row WHERE row.`:LABEL` = 'Investment'
MERGE (n:`Investment` {id: row.`id:ID`})
SET n.label = row.label,
    n.aliases = split(row.`aliases:string[]`, ';'),
    n.docs = split(row.`docs:string[]`, ';'),
    n.amount = toInteger(row.`amount:long`),
    n.currency = row.currency,
    n.year = toInteger(row.`year:int`),
    n.role = row.role;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
WITH row WHERE row.`:LABEL` = 'Organization'
MERGE (n:`Organization` {id: row.`id:ID`})
SET n.label = row.label,
    n.aliases = split(row.`aliases:string[]`, ';'),
    n.docs = split(row.`docs:string[]`, ';'),
    n.amount = toInteger(row.`amount:long`),
    n.currency = row.currency,
    n.year = toInteger(row.`year:int`),
    n.role = row.role;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
WITH row WHERE row.`:LABEL` = 'Person'
MERGE (n:`Person` {id: row.`id:ID`})
SET n.label = row.label,
    n.aliases = split(row.`aliases:string[]`, ';'),
    n.docs = split(row.`docs:string[]`, ';'),
    n.amount = toInteger(row.`amount:long`),
    n.currency = row.currency,
    n.year = toInteger(row.`year:int`),
    n.role = row.role;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
WITH row WHERE row.`:LABEL` = 'Place'
MERGE (n:`Place` {id: row.`id:ID`})
SET n.label = row.label,
    n.aliases = split(row.`aliases:string[]`, ';'),
    n.docs = split(row.`docs:string[]`, ';'),
    n.amount = toInteger(row.`amount:long`),
    n.currency = row.currency,
    n.year = toInteger(row.`year:int`),
    n.role = row.role;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
WITH row WHERE row.`:LABEL` = 'Product'
MERGE (n:`Product` {id: row.`id:ID`})
SET n.label = row.label,
    n.aliases = split(row.`aliases:string[]`, ';'),
    n.docs = split(row.`docs:string[]`, ';'),
    n.amount = toInteger(row.`amount:long`),
    n.currency = row.currency,
    n.year = toInteger(row.`year:int`),
    n.role = row.role;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
WITH row WHERE row.`:LABEL` = 'Program'
MERGE (n:`Program` {id: row.`id:ID`})
SET n.label = row.label,
    n.aliases = split(row.`aliases:string[]`, ';'),
    n.docs = split(row.`docs:string[]`, ';'),
    n.amount = toInteger(row.`amount:long`),
    n.currency = row.currency,
    n.year = toInteger(row.`year:int`),
    n.role = row.role;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'AFFILIATED_WITH'
MATCH (s:`Person` {id: row.`:START_ID`})
MATCH (o:`Organization` {id: row.`:END_ID`})
MERGE (s)-[r:`AFFILIATED_WITH`]->(o)
SET r.sentences = split(row.`sentences:string[]`, ';'),
    r.sentence_docs = split(row.`sentence_docs:string[]`, ';'),
    r.sentence_starts = [x IN split(row.`sentence_starts:long[]`, ';') | toInteger(x)],
    r.sentence_ends = [x IN split(row.`sentence_ends:long[]`, ';') | toInteger(x)],
    r.docs = split(row.`docs:string[]`, ';');

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'FUNDS_TARGET'
MATCH (s:`Investment` {id: row.`:START_ID`})
MATCH (o:`Place` {id: row.`:END_ID`})
MERGE (s)-[r:`FUNDS_TARGET`]->(o)
SET r.sentences = split(row.`sentences:string[]`, ';'),
    r.sentence_docs = split(row.`sentence_docs:string[]`, ';'),
    r.sentence_starts = [x IN split(row.`sentence_starts:long[]`, ';') | toInteger(x)],
    r.sentence_ends = [x IN split(row.`sentence_ends:long[]`, ';') | toInteger(x)],
    r.docs = split(row.`docs:string[]`, ';');

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'FUNDS_TARGET'
MATCH (s:`Investment` {id: row.`:START_ID`})
MATCH (o:`Program` {id: row.`:END_ID`})
MERGE (s)-[r:`FUNDS_TARGET`]->(o)
SET r.sentences = split(row.`sentences:string[]`, ';'),
    r.sentence_docs = split(row.`sentence_docs:string[]`, ';'),
    r.sentence_starts = [x IN split(row.`sentence_starts:long[]`, ';') | toInteger(x)],
    r.sentence_ends = [x IN split(row.`sentence_ends:long[]`, ';') | toInteger(x)],
    r.docs = split(row.`docs:string[]`, ';');

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'INVESTS'
MATCH (s:`Organization` {id: row.`:START_ID`})
MATCH (o:`Investment` {id: row.`:END_ID`})
MERGE (s)-[r:`INVESTS`]->(o)
SET r.sentences = split(row.`sentences:string[]`, ';'),
    r.sentence_docs = split(row.`sentence_docs:string[]`, ';'),
    r.sentence_starts = [x IN split(row.`sentence_starts:long[]`, ';') | toInteger(x)],
    r.sentence_ends = [x IN split(row.`sentence_ends:long[]`, ';') | toInteger(x)],
    r.docs = split(row.`docs:string[]`, ';');

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'LOCATED_IN'
MATCH (s:`Event` {id: row.`:START_ID`})
MATCH (o:`Place` {id: row.`:END_ID`})
MERGE (s)-[r:`LOCATED_IN`]->(o)
SET r.sentences = split(row.`sentences:string[]`, ';'),
    r.sentence_docs = split(row.`sentence_docs:string[]`, ';'),
    r.sentence_starts = [x IN split(row.`sentence_starts:long[]`, ';') | toInteger(x)],
    r.sentence_ends = [x IN split(row.`sentence_ends:long[]`, ';') | toInteger(x)],
    r.docs = split(row.`docs:string[]`, ';');

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'LOCATED_IN'
MATCH (s:`Organization` {id: row.`:START_ID`})
MATCH (o:`Place` {id: row.`:END_ID`})
MERGE (s)-[r:`LOCATED_IN`]->(o)
SET r.sentences = split(row.`sentences:string[]`, ';'),
    r.sentence_docs = split(row.`sentence_docs:string[]`, ';'),
    r.sentence_starts = [x IN split(row.`sentence_starts:long[]`, ';') | toInteger(x)],
    r.sentence_ends = [x IN split(row.`sentence_ends:long[]`, ';') | toInteger(x)],
    r.docs = split(row.`docs:string[]`, ';');

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'OPERATES'
MATCH (s:`Organization` {id: row.`:START_ID`})
MATCH (o:`Initiative` {id: row.`:END_ID`})
MERGE (s)-[r:`OPERATES`]->(o)
SET r.sentences = split(row.`sentences:string[]`, ';'),
    r.sentence_docs = split(row.`sentence_docs:string[]`, ';'),
    r.sentence_starts = [x IN split(row.`sentence_starts:long[]`, ';') | toInteger(x)],
    r.sentence_ends = [x IN split(row.`sentence_ends:long[]`, ';') | toInteger(x)],
    r.docs = split(row.`docs:string[]`, ';');

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'OPERATES'
MATCH (s:`Organization` {id: row.`:START_ID`})
MATCH (o:`Product` {id: row.`:END_ID`})
MERGE (s)-[r:`OPERATES`]->(o)
SET r.sentences = split(row.`sentences:string[]`, ';'),
    r.sentence_docs = split(row.`sentence_docs:string[]`, ';'),
    r.sentence_starts = [x IN split(row.`sentence_starts:long[]`, ';') | toInteger(x)],
    r.sentence_ends = [x IN split(row.`sentence_ends:long[]`, ';') | toInteger(x)],
    r.docs = split(row.`docs:string[]`, ';');

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'OPERATES'
MATCH (s:`Organization` {id: row.`:START_ID`})
MATCH (o:`Program` {id: row.`:END_ID`})
MERGE (s)-[r:`OPERATES`]->(o)
SET r.sentences = split(row.`sentences:string[]`, ';'),
    r.sentence_docs = split(row.`sentence_docs:string[]`, ';'),
    r.sentence_starts = [x IN split(row.`sentence_starts:long[]`, ';') | toInteger(x)],
    r.sentence_ends = [x IN split(row.`sentence_ends:long[]`, ';') | toInteger(x)],
    r.docs = split(row.`docs:string[]`, ';');

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'ORGANIZES'
MATCH (s:`Organization` {id: row.`:START_ID`})
MATCH (o:`Event` {id: row.`:END_ID`})
MERGE (s)-[r:`ORGANIZES`]->(o)
SET r.sentences = split(row.`sentences:string[]`, ';'),
    r.sentence_docs = split(row.`sentence_docs:string[]`, ';'),
    r.sentence_starts = [x IN split(row.`sentence_starts:long[]`, ';') | toInteger(x)],
    r.sentence_ends = [x IN split(row.`sentence_ends:long[]`, ';') | toInteger(x)],
    r.docs = split(row.`docs:string[]`, ';');

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'PARTICIPATES_IN'
MATCH (s:`Organization` {id: row.`:START_ID`})
MATCH (o:`Event` {id: row.`:END_ID`})
MERGE (s)-[r:`PARTICIPATES_IN`]->(o)
SET r.sentences = split(row.`sentences:string[]`, ';'),
    r.sentence_docs = split(row.`sentence_docs:string[]`, ';'),
    r.sentence_starts = [x IN split(row.`sentence_starts:long[]`, ';') | toInteger(x)],
    r.sentence_ends = [x IN split(row.`sentence_ends:long[]`, ';') | toInteger(x)],
    r.docs = split(row.`docs:string[]`, ';');

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'PARTICIPATES_IN'
MATCH (s:`Organization` {id: row.`:START_ID`})
MATCH (o:`Program` {id: row.`:END_ID`})
MERGE (s)-[r:`PARTICIPATES_IN`]->(o)
SET r.sentences = split(row.`sentences:string[]`, ';'),
    r.sentence_docs = split(row.`sentence_docs:string[]`, ';'),
    r.sentence_starts = [x IN split(row.`sentence_starts:long[]`, ';') | toInteger(x)],
    r.sentence_ends = [x IN split(row.`sentence_ends:long[]`, ';') | toInteger(x)],
    r.docs = split(row.`docs:string[]`, ';');

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'PARTNERS_WITH'
MATCH (s:`Organization` {id: row.`:START_ID`})
MATCH (o:`Organization` {id: row.`:END_ID`})
MERGE (s)-[r:`PARTNERS_WITH`]->(o)
SET r.sentences = split(row.`sentences:string[]`, ';'),
    r.sentence_docs = split(row.`sentence_docs:string[]`, ';'),
    r.sentence_starts = [x IN split(row.`sentence_starts:long[]`, ';') | toInteger(x)],
    r.sentence_ends = [x IN split(row.`sentence_ends:long[]`, ';') | toInteger(x)],
    r.docs = split(row.`docs:string[]`, ';');

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'SUPPORTS'
MATCH (s:`Organization` {id: row.`:START_ID`})
MATCH (o:`Initiative` {id: row.`:END_ID`})
MERGE (s)-[r:`SUPPORTS`]->(o)
SET r.sentences = split(row.`sentences:string[]`, ';'),
    r.sentence_docs = split(row.`sentence_docs:string[]`, ';'),
    r.sentence_starts = [x IN split(row.`sentence_starts:long[]`, ';') | toInteger(x)],
    r.sentence_ends = [x IN split(row.`sentence_ends:long[]`, ';') | toInteger(x)],
    r.docs = split(row.`docs:string[]`, ';');

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'USES'
MATCH (s:`Organization` {id: row.`:START_ID`})
MATCH (o:`Product` {id: row.`:END_ID`})
MERGE (s)-[r:`USES`]->(o)
SET r.sentences = split(row.`sentences:string[]`, ';'),
    r.sentence_docs = split(row.`sentence_docs:string[]`, ';'),
    r.sentence_starts = [x IN split(row.`sentence_starts:long[]`, ';') | toInteger(x)],
    r.sentence_ends = [x IN split(row.`sentence_ends:long[]`, ';') | toInteger(x)],
    r.docs = split(row.`docs:string[]`, ';');
