// Tables for this area; see the module comment of each table.
export {};
