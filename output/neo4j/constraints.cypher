// After `neo4j-admin database import full`, which creates no constraints:
//   cypher-shell -f constraints.cypher
CREATE CONSTRAINT `event_id` IF NOT EXISTS FOR (n:`Event`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT `initiative_id` IF NOT EXISTS FOR (n:`Initiative`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT `investment_id` IF NOT EXISTS FOR (n:`Investment`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT `organization_id` IF NOT EXISTS FOR (n:`Organization`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT `person_id` IF NOT EXISTS FOR (n:`Person`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT `place_id` IF NOT EXISTS FOR (n:`Place`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT `product_id` IF NOT EXISTS FOR (n:`Product`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT `program_id` IF NOT EXISTS FOR (n:`Program`) REQUIRE n.id IS UNIQUE;
