CREATE TABLE "metric_weeks" (
	"week" date PRIMARY KEY NOT NULL,
	"figures" jsonb NOT NULL,
	"computed_on" date NOT NULL
);
