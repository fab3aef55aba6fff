CREATE TABLE "support_pages" (
	"locale" text PRIMARY KEY NOT NULL,
	"markdown" text NOT NULL,
	"updated_on" date DEFAULT current_date NOT NULL
);
