"""Quality and safety: a page per provider with its published ratings and results
(data/quality.yml), linked from the provider's page. On when data/quality.yml is there."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from lmo.core.problems import Problem
from lmo.data import schema
from lmo.data.contract import DataFile, DataPart, FeatureInput
from lmo.data.dataset import Reviewed
from lmo.data.references import check_references
from lmo.features.contract import Feature
from lmo.features.quality.schema import QualityFile, QualityRecord
from lmo.site.addresses import source_path_for
from lmo.site.contract import SitePart
from lmo.site.facts import source_facts
from lmo.site.render import GeneratedPage, Renderer

FILE = "quality.yml"


def load(given: FeatureInput, problems: list[Problem]) -> dict[str, QualityRecord]:
    """Each provider's record, by provider id."""
    doc, model = given.docs[FILE], given.models[FILE]
    check_references(doc, (), model, given.targets, problems)
    by_provider: dict[str, QualityRecord] = {}
    for i, quality in enumerate(model.providers):
        by_provider[quality.provider] = quality
        where = (doc.file, *doc.locate(("providers", i, "review_by")))
        given.dataset.reviews.append(
            Reviewed(
                f"quality/{quality.provider}",
                quality.owner,
                quality.review_by,
                where,
                f"quality[{quality.provider}].review_by",
            )
        )
    return by_provider


def pages(renderer: Renderer, by_provider: dict[str, QualityRecord]) -> list[GeneratedPage]:
    _ = renderer.ctx.translations.gettext
    found = []
    for quality in by_provider.values():
        provider = renderer.ctx.ds.organisations[quality.provider]
        url = f"quality/{provider.id}/"
        name = renderer.plain(provider.name)
        found.append(
            renderer.render_page(
                "quality.md.j2",
                url,
                path=source_path_for(url),
                title=_("Quality and safety: %(name)s") % {"name": name},
                description=_("Published quality and safety information for %(name)s.")
                % {"name": name},
                facts={
                    "kind": "quality",
                    "last_reviewed": quality.last_reviewed.isoformat(),
                    "review_by": quality.review_by.isoformat(),
                    "owner": quality.owner,
                    "source": source_facts(quality.source),
                },
                quality=quality,
                provider=provider,
            )
        )
    return found


def provider_link(
    renderer: Renderer, by_provider: dict[str, QualityRecord], record: schema.Record
) -> Markup:
    """On a provider's page, the link to its quality page, when it has one."""
    if record.id not in by_provider:
        return Markup("")
    return Markup(renderer.env.get_template("quality_link.j2").render(record=record))


FEATURE = Feature(
    name="quality",
    summary="quality and safety pages for providers",
    data=DataPart(files=(DataFile(FILE, QualityFile),), load=load),
    site=SitePart(
        templates=Path(__file__).parent / "templates",
        pages=pages,
        slots={"organisation_facts": provider_link},
    ),
)
