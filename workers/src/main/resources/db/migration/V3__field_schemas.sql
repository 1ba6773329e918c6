-- Field schemas: which CRM fields the extractor fills. Built-in schemas ship with Stellar; an organisation keeps its
-- own (or its own version of a built-in) here, every save a new version, so a meeting names the exact one it used.

alter table organizations add column default_field_schema text not null default 'estate-planning';

create table field_schemas (
    organization_id uuid        not null references organizations (id) on delete cascade,
    schema_key      text        not null,
    version         integer     not null check (version > 0),
    definition      text        not null,
    created_by      uuid        references users (id) on delete set null,
    created_at      timestamptz not null,
    primary key (organization_id, schema_key, version)
);

-- Meetings analysed before schemas existed keep null: they were extracted with the first field set.
alter table meetings add column field_schema text;
alter table meetings add column field_schema_version integer;

-- Why a value's confidence was lowered (a validation rule it breaks).
alter table insights add column note text;
