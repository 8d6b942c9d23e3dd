"""Generic CSV/Excel importer with column mappings, on the project's own fixtures (fixtures/generic)."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from smguard.dataset.schema import TABLES
from smguard.importers.base import ImportContext, Source
from smguard.importers.builder import validate
from smguard.importers.generic import (
    GenericImporter,
    MappingError,
    build_mapping,
    parse_mapping_text,
    shipped_mappings,
)
from smguard.importers.runner import import_sources

FIX = Path(__file__).parent / "fixtures" / "generic"


def run(path: Path, **ctx_args) -> tuple[dict[str, list[dict]], ImportContext]:
    ctx = ImportContext(**ctx_args)
    out: dict[str, list[dict]] = {}
    for table, rec in GenericImporter().read(Source.open(path), ctx):
        validate(TABLES[table], rec)
        out.setdefault(table, []).append(rec)
    return out, ctx


def problems(ctx: ImportContext) -> dict[tuple[str, str], str]:
    return {(Path(p.file).name, p.position): p.message for p in ctx.problems}


def test_shipped_mappings_are_valid():
    names = {Path(m.name).stem: m.table for m in shipped_mappings()}
    assert names == {
        "crm_customers": "customers",
        "hr_employees": "employees",
        "meta_ads_manager": "campaigns",
        "oceanengine_ads": "campaigns",
        "tencent_ads": "campaigns",
    }


def test_crm_export_recognised_by_its_header():
    records, ctx = run(FIX / "crm")
    c = {r["id"]: r for r in records["customers"]}
    assert c["crm:C-001"] == {
        "id": "crm:C-001",
        "orders": 12,
        "revenue": 1280.5,
        "first_order_at": "2023-01-05T00:00:00+00:00",
        "last_order_at": "2024-03-01T18:30:00+00:00",
        "social": [{"platform": "weibo", "handle": "@小王爱喝咖啡"}],
    }
    assert c["crm:C-002"]["social"] == [{"platform": "instagram", "handle": "anna.drinks.coffee"}]
    # bad values: the field is left out, the row stays
    assert "orders" not in c["crm:C-003"] and c["crm:C-003"]["social"][0]["platform"] == "douyin"
    p = problems(ctx)
    assert "not a number" in p[("crm_export.csv", "line 4, column 'Orders'")]
    assert "not a time" in p[("crm_export.csv", "line 4, column 'First order'")]
    assert "row skipped" in p[("crm_export.csv", "line 5")]
    assert len(p) == 3


def test_hr_list_with_yaml_mapping_and_own_date_format():
    records, ctx = run(FIX / "hr")
    e = {r["id"]: r for r in records["employees"]}
    assert e["E100"]["joined_at"] == "2021-03-01T00:00:00+01:00"  # Europe/Berlin, winter
    assert e["E101"]["left_at"] == "2024-12-31T00:00:00+01:00"
    assert e["E101"]["joined_at"] == "2022-08-15T00:00:00+02:00"  # summer time
    assert "joined_at" not in e["E102"]
    assert "expected %d/%m/%Y" in problems(ctx)[("staff.csv", "line 4, column 'Hired'")]


def test_data_file_alone_finds_its_mapping_beside_it():
    records, _ = run(FIX / "hr" / "staff.csv")
    assert len(records["employees"]) == 3


def test_mapping_file_alone_finds_its_data_file():
    records, _ = run(FIX / "custom" / "shop.mapping.toml")
    assert [r["id"] for r in records["customers"]] == ["shop:K1", "shop:K2"]


def test_ads_exports_meta_and_oceanengine():
    records, ctx = run(FIX / "ads", brand_account_ids={"facebook:page1", "douyin:dy1"})
    c = {r["id"]: r for r in records["campaigns"]}
    meta = c["facebook:campaign:120200000000001"]
    assert meta["kind"] == "lead_form" and meta["account_id"] == "facebook:page1"
    assert meta["cost"] == 1234.5 and meta["currency"] == "EUR"  # currency from the column name
    assert meta["targeting"] == {"genders": ["female"], "age_min": 18, "age_max": 34}
    assert "ended_at" not in meta  # "Ongoing"
    assert c["facebook:campaign:120200000000002"]["kind"] == "ad"
    oe = c["douyin:campaign:1780000000000001"]  # GB18030-encoded CSV
    assert oe["account_id"] == "douyin:dy1"
    assert oe["started_at"] == "2025-03-01T10:00:00+08:00"
    assert oe["impressions"] == 32000  # 3.2万
    assert oe["kind"] == "lead_form" and oe["currency"] == "CNY"
    assert oe["targeting"] == {
        "locations": ["北京", "上海"],
        "genders": ["female"],
        "age_min": 18,
        "age_max": 30,
    }
    assert "targeting" not in c["douyin:campaign:1780000000000002"]  # 不限 = no targeting
    assert list(problems(ctx)) == [("meta_ads_export.csv", "line 3, column 'Impressions'")]
    # the brand accounts the campaigns belong to are declared, so account_id always resolves
    assert records["accounts"] == [
        {"id": "facebook:page1", "platform": "facebook", "owner": "brand"},
        {"id": "douyin:dy1", "platform": "douyin", "owner": "brand"},
    ]


def test_ads_without_brand_account_say_what_to_do():
    records, ctx = run(FIX / "ads")
    assert records == {}
    assert all("--brand-account" in p.message for p in ctx.problems) and len(ctx.problems) == 2


def test_tencent_ads_excel(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "报表"
    ws.append(
        [
            "推广计划ID",
            "推广计划名称",
            "推广目标",
            "开始日期",
            "结束日期",
            "花费(元)",
            "曝光次数",
            "点击次数",
            "转化次数",
            "年龄",
        ]
    )
    ws.append([9001, "公众号涨粉", "公众号推广", "2025-03-01", "2025-03-10", 300.5, 20000, 400, 25, "25-40"])
    ws.append([9002, "表单", "销售线索收集", "2025-03-02", None, "bad", 100, 2, 0, None])
    wb.save(tmp_path / "tencent.xlsx")
    records, ctx = run(tmp_path / "tencent.xlsx", brand_account_ids={"gh_cafe"})
    c = {r["id"]: r for r in records["campaigns"]}
    assert c["wechat:campaign:9001"]["account_id"] == "wechat:gh_cafe"
    assert c["wechat:campaign:9001"]["started_at"] == "2025-03-01T00:00:00+08:00"
    assert c["wechat:campaign:9001"]["targeting"] == {"age_min": 25, "age_max": 40}
    assert c["wechat:campaign:9002"]["kind"] == "lead_form"
    assert "not a number" in problems(ctx)[("tencent.xlsx", "sheet '报表', row 3, column '花费(元)'")]


def test_custom_mappings_value_maps_scale_formats_and_social():
    records, ctx = run(FIX / "custom")
    assert ctx.problems == []
    k1 = {r["id"]: r for r in records["customers"]}["shop:K1"]
    assert k1["revenue"] == 120.5  # cents scaled
    assert k1["first_order_at"] == "2025-02-01T09:30:00+00:00"
    assert k1["social"] == [
        {"platform": "instagram", "handle": "@kunde.eins"},
        {"platform": "x", "user_id": "1234567890"},
    ]
    posts = {p["id"]: p for p in records["posts"]}
    p1 = posts["weibo:5100000000000001"]
    assert p1["account_id"] == "weibo:1001" and p1["source"] == "automated"
    assert p1["metrics"] == {"likes": 12000, "shares": 30} and p1["text"] == "春季新品 #春日限定#"
    assert posts["weibo:5100000000000002"]["source"] == "manual"


def test_bad_mappings_are_reported_with_position():
    records, ctx = run(FIX / "bad", brand_account_ids={"x:1"})
    assert records == {}
    p = problems(ctx)
    assert "not valid TOML" in p[("broken.mapping.toml", "line 3, column 18")]
    assert "must be one of" in p[("wrong_table.mapping.toml", "table")]
    assert "no field 'salary'" in p[("wrong_field.mapping.toml", "columns.salary")]
    msg = p[("people.csv", "header (mapping needs_account.mapping.toml)")]
    assert "account_id" in msg and "kind" in msg and "--brand-account" in msg


def test_identity_mapping_for_files_named_after_a_table():
    records, ctx = run(FIX / "identity")
    assert [e["id"] for e in records["employees"]] == ["E1", "E2"] and ctx.problems == []


def test_csv_without_mapping_is_not_claimed(tmp_path):
    (tmp_path / "random.csv").write_text("a,b\n1,2\n")
    assert GenericImporter().claim(Source.open(tmp_path)) == []


def test_end_to_end_import_twice_adds_no_duplicates(tmp_path):
    out = tmp_path / "ds"
    ctx = ImportContext()
    import_sources([FIX / "crm", FIX / "custom"], out, ctx)
    first = (out / "customers.jsonl").read_text().splitlines()
    r2 = import_sources([FIX / "crm", FIX / "custom"], out, ImportContext())
    assert (out / "customers.jsonl").read_text().splitlines() == first
    assert r2.added == 0
    assert {json.loads(x)["id"] for x in first} == {
        "crm:C-001",
        "crm:C-002",
        "crm:C-003",
        "shop:K1",
        "shop:K2",
    }


def test_mapping_parsing_errors():
    with pytest.raises(MappingError) as e:
        build_mapping({"table": "customers", "columns": {"social.weibo": "W"}}, "m")
    assert "social.<platform>" in e.value.message
    with pytest.raises(MappingError):
        build_mapping({"table": "customers", "columns": {"id": 3}}, "m")
    with pytest.raises(MappingError):
        build_mapping({"table": "customers", "columns": {"id": {"column": "x", "pattern": "("}}}, "m")
    with pytest.raises(MappingError):
        parse_mapping_text("table: [unclosed", "m.yaml")


def test_yaml_mapping_text():
    doc = parse_mapping_text(
        "# comment\n"
        "table: campaigns\n"
        "files:\n  - a.csv\n  - 'b c.csv'\n"
        "columns:\n"
        '  id: "Campaign ID"  # trailing comment\n'
        "  name: [Name, 名称]\n"
        "defaults:\n  budget: 100\n",
        "ads.mapping.yaml",
    )
    assert doc == {
        "table": "campaigns",
        "files": ["a.csv", "b c.csv"],
        "columns": {"id": "Campaign ID", "name": ["Name", "名称"]},
        "defaults": {"budget": 100},
    }
    with pytest.raises(MappingError, match="not valid YAML"):
        parse_mapping_text("a: 1\n   b: 2\n", "bad.yaml")


def test_long_cells_and_missing_id_column(tmp_path):
    long_text = "长" * 200_000  # over csv's default 128 KiB field limit
    (tmp_path / "staff.csv").write_text(f'Employee ID,Name\nE1,"{long_text}"\nE2,Bob\n', encoding="utf-8")
    records, ctx = run(tmp_path / "staff.csv")
    assert [e["id"] for e in records["employees"]] == ["E1", "E2"] and ctx.problems == []
    assert len(records["employees"][0]["name"]) == 200_000
    # a mapping that maps id to a column the file lacks: the file is refused, no ids are invented
    (tmp_path / "x.mapping.toml").write_text('table = "employees"\nfiles = ["x.csv"]\n[columns]\nid = "No"\n')
    (tmp_path / "x.csv").write_text("Name\nAnn\n")
    records, ctx = run(tmp_path / "x.mapping.toml")
    assert records == {}
    assert "required field(s) id" in ctx.problems[0].message


def test_chinese_headers_are_recognised(tmp_path):
    (tmp_path / "员工名单.csv").write_text(
        "工号,姓名,邮箱,部门,入职日期,离职日期\nA01,张伟,zw@example.com,市场部,2021年3月1日,\n",
        encoding="utf-8",
    )
    records, ctx = run(tmp_path)
    assert records["employees"] == [
        {
            "id": "A01",
            "name": "张伟",
            "email": "zw@example.com",
            "department": "市场部",
            "joined_at": "2021-03-01T00:00:00+00:00",
        }
    ]
    assert ctx.problems == []


def test_sheet_header_row_and_tab_separated(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "Cover"
    ws = wb.create_sheet("Data")
    ws.append(["Report generated 2025-03-01"])
    ws.append(["Term", "Aliases", "Until"])
    ws.append(["Project Falcon", "falcon; 猎鹰", "2025-06-30"])
    wb.save(tmp_path / "embargo_list.xlsx")
    (tmp_path / "embargo_list.mapping.toml").write_text(
        'table = "embargo"\nsheet = "Data"\nheader_row = 2\n[columns]\nterm = "Term"\naliases = "Aliases"\n'
        'until = "Until"\n'
    )
    (tmp_path / "guide.tsv").write_text(
        "version\tpublished_at\ttitle\n2\t2025-01-15 09:00\tSocial media policy\n"
    )
    (tmp_path / "guide.mapping.yaml").write_text(
        "table: guidelines\ntimezone: Asia/Shanghai\ncolumns:\n  version: version\n  published_at: published_at\n"
        "  title: title\ndefaults:\n  requires_signature: true\n"
    )
    records, ctx = run(tmp_path)
    assert ctx.problems == []
    assert records["embargo"] == [
        {"term": "Project Falcon", "aliases": ["falcon", "猎鹰"], "until": "2025-06-30"}
    ]
    assert records["guidelines"] == [
        {
            "requires_signature": True,
            "version": "2",
            "published_at": "2025-01-15T09:00:00+08:00",
            "title": "Social media policy",
        }
    ]


def test_ambiguous_slash_dates_need_a_format(tmp_path):
    (tmp_path / "staff.csv").write_text("Employee ID,Name,Start date\nE1,Ann,03/04/2024\nE2,Bob,2024/03/04\n")
    records, ctx = run(tmp_path)
    e = {r["id"]: r for r in records["employees"]}
    assert "joined_at" not in e["E1"] and e["E2"]["joined_at"] == "2024-03-04T00:00:00+00:00"
    assert "set time_format" in ctx.problems[0].message
