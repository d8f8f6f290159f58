"""``spendscope check`` and ``spendscope relabel``: the workspace itself."""

import json
from typing import Annotated

import typer

from analyzer.cli.common import JsonOpt, WorkspaceOpt, app, open_workspace, out, user_errors


@app.command("check")
@user_errors
def check_cmd(
    workspace: WorkspaceOpt = None,
    drop_damaged: Annotated[bool, typer.Option("--drop-damaged", help="Take damaged parts out of the manifest and rebuild the id index and the rollup.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Verify that every part the workspace lists is there and reads whole (exit 2 if not)."""
    ws = open_workspace(workspace)
    if drop_damaged:
        found = ws.drop_damaged()
    else:
        found = {"damaged": [{"part": p, "problem": why} for p, why in ws.damaged()]}
    if as_json:
        print(json.dumps(found, indent=2))
    elif not found["damaged"]:
        out.print(f"{ws.root}: every listed part reads.")
    else:
        for d in found["damaged"]:
            out.print(f"damaged: {d['part']} ({d['problem']})", markup=False)
        if drop_damaged:
            out.print("Taken out of the manifest; the id index and the rollup were rebuilt. "
                      "Ingest these files again to restore what they held:", markup=False)
            for path in found["files_to_ingest_again"] or ["(the damaged run's file list is lost: ingest "
                                                           "its folder again; stored rows count as duplicates)"]:
                out.print(f"  {path}", markup=False)
        else:
            out.print("Run `spendscope check --drop-damaged` to take them out.", markup=False)
    if found["damaged"] and not drop_damaged:
        raise typer.Exit(2)


@app.command("relabel")
@user_errors
def relabel_cmd(
    template_id: Annotated[str, typer.Argument(help="A template id (see report --by meta or the templates list).")],
    category: Annotated[str, typer.Argument(help="A taxonomy category id.")],
    workspace: WorkspaceOpt = None,
) -> None:
    """Set the category of a prompt template; every request of it follows (persisted)."""
    n = open_workspace(workspace).relabel(template_id, category)
    out.print(f"Template {template_id} is now {category} ({n:,} requests).")
