CREATE TABLE "board_warning_counts" (
	"week" date PRIMARY KEY NOT NULL,
	"warnings" integer DEFAULT 0 NOT NULL
);
