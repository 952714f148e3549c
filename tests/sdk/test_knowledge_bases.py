"""Knowledge bases through boto3: knowledge bases and data sources, ingestion jobs that read
documents from the local object store, chunk, embed and index them, and Retrieve over the
indexed chunks with filters."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

ROLE = "arn:aws:iam::123456789012:role/KnowledgeBase"
TITAN_V2 = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"
STORAGE = {
    "type": "OPENSEARCH_SERVERLESS",
    "opensearchServerlessConfiguration": {
        "collectionArn": "arn:aws:aoss:us-east-1:123456789012:collection/kbcollection",
        "vectorIndexName": "kb-index",
        "fieldMapping": {"vectorField": "vector", "textField": "text", "metadataField": "metadata"},
    },
}

REFUNDS = "Refunds are issued within 14 days of the return being received at our warehouse."
SHIPPING = "Shipping is free for orders over 50 dollars and takes three to five business days."
WARRANTY = "Every appliance comes with a two year warranty covering parts and labour."


def vector_config(dimensions: int | None = None) -> dict:
    config: dict = {"embeddingModelArn": TITAN_V2}
    if dimensions:
        config["embeddingModelConfiguration"] = {"bedrockEmbeddingModelConfiguration": {"dimensions": dimensions}}
    return {"type": "VECTOR", "vectorKnowledgeBaseConfiguration": config}


def put(state: Path, uri: str, text: str | bytes) -> None:
    path = state / "objects" / uri.removeprefix("s3://")
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text)


def advance(emu, seconds: float) -> None:
    requests.post(emu.url + "/_emulator/clock", json={"advance": seconds}, timeout=10).raise_for_status()


@pytest.fixture
def virtual(start_emulator, tmp_path):
    emu = start_emulator("--clock", "virtual", "--clock-start", "2026-01-01T00:00:00Z", "--state", str(tmp_path))
    return emu, tmp_path


def create_kb(agent, name="faq", **extra) -> str:
    return agent.create_knowledge_base(
        name=name, roleArn=ROLE, knowledgeBaseConfiguration=vector_config(extra.pop("dimensions", None)),
        storageConfiguration=STORAGE, **extra)["knowledgeBase"]["knowledgeBaseId"]


def create_s3_source(agent, kb_id, name="docs", prefixes=("faq/",), **extra) -> str:
    return agent.create_data_source(
        knowledgeBaseId=kb_id, name=name,
        dataSourceConfiguration={"type": "S3", "s3Configuration": {"bucketArn": "arn:aws:s3:::kb-docs", "inclusionPrefixes": list(prefixes)}},
        **extra)["dataSource"]["dataSourceId"]


def ingest(emu, agent, kb_id, ds_id) -> dict:
    job = agent.start_ingestion_job(knowledgeBaseId=kb_id, dataSourceId=ds_id)["ingestionJob"]
    advance(emu, 10)
    return agent.get_ingestion_job(knowledgeBaseId=kb_id, dataSourceId=ds_id, ingestionJobId=job["ingestionJobId"])["ingestionJob"]


def seeded(virtual) -> tuple:
    emu, state = virtual
    put(state, "s3://kb-docs/faq/refunds.txt", REFUNDS)
    put(state, "s3://kb-docs/faq/refunds.txt.metadata.json", '{"metadataAttributes": {"topic": "billing", "year": 2023, "tags": ["money", "returns"]}}')
    put(state, "s3://kb-docs/faq/shipping.md", "# Shipping\n\n" + SHIPPING)
    put(state, "s3://kb-docs/faq/shipping.md.metadata.json", '{"metadataAttributes": {"topic": "logistics", "year": 2024, "tags": ["delivery"]}}')
    put(state, "s3://kb-docs/faq/warranty.html", f"<html><head><style>p {{color: red}}</style></head><body><p>{WARRANTY}</p></body></html>")
    put(state, "s3://kb-docs/other/ignored.txt", "Outside the inclusion prefix.")
    agent = emu.client("bedrock-agent")
    kb_id = create_kb(agent)
    advance(emu, 5)
    ds_id = create_s3_source(agent, kb_id)
    job = ingest(emu, agent, kb_id, ds_id)
    return emu, state, agent, emu.client("bedrock-agent-runtime"), kb_id, ds_id, job


# -- knowledge bases ----------------------------------------------------------------------


def test_a_knowledge_base_is_stored_as_given_and_becomes_active(virtual):
    emu, _ = virtual
    agent = emu.client("bedrock-agent")
    kb = agent.create_knowledge_base(
        name="faq", description="Customer FAQ", roleArn=ROLE, knowledgeBaseConfiguration=vector_config(512),
        storageConfiguration=STORAGE, tags={"team": "support"})["knowledgeBase"]
    kb_id = kb["knowledgeBaseId"]
    assert len(kb_id) == 10 and kb_id.isalnum() and kb_id.upper() == kb_id
    assert kb["knowledgeBaseArn"] == f"arn:aws:bedrock:us-east-1:123456789012:knowledge-base/{kb_id}"
    assert kb["status"] == "CREATING"
    advance(emu, 5)
    got = agent.get_knowledge_base(knowledgeBaseId=kb_id)["knowledgeBase"]
    assert got["status"] == "ACTIVE"
    assert got["knowledgeBaseConfiguration"] == vector_config(512)
    assert got["storageConfiguration"] == STORAGE
    assert got["description"] == "Customer FAQ" and got["roleArn"] == ROLE
    assert agent.list_tags_for_resource(resourceArn=got["knowledgeBaseArn"])["tags"] == {"team": "support"}


def test_knowledge_bases_list_update_and_delete(virtual):
    emu, _ = virtual
    agent = emu.client("bedrock-agent")
    ids = [create_kb(agent, name=f"kb-{i}") for i in range(3)]
    advance(emu, 5)
    summaries = agent.list_knowledge_bases()["knowledgeBaseSummaries"]
    assert sorted(s["knowledgeBaseId"] for s in summaries) == sorted(ids)
    assert {s["status"] for s in summaries} == {"ACTIVE"}
    first = agent.list_knowledge_bases(maxResults=2)
    assert len(first["knowledgeBaseSummaries"]) == 2
    rest = agent.list_knowledge_bases(maxResults=2, nextToken=first["nextToken"])
    assert len(rest["knowledgeBaseSummaries"]) == 1 and "nextToken" not in rest

    updated = agent.update_knowledge_base(
        knowledgeBaseId=ids[0], name="renamed", description="new words", roleArn=ROLE,
        knowledgeBaseConfiguration=vector_config(), storageConfiguration=STORAGE)["knowledgeBase"]
    assert updated["name"] == "renamed" and updated["description"] == "new words"
    assert agent.get_knowledge_base(knowledgeBaseId=ids[0])["knowledgeBase"]["name"] == "renamed"
    with pytest.raises(agent.exceptions.ConflictException):
        agent.update_knowledge_base(knowledgeBaseId=ids[0], name="kb-1", roleArn=ROLE, knowledgeBaseConfiguration=vector_config())

    deleted = agent.delete_knowledge_base(knowledgeBaseId=ids[1])
    assert deleted["knowledgeBaseId"] == ids[1] and deleted["status"] == "DELETING"
    with pytest.raises(agent.exceptions.ResourceNotFoundException):
        agent.get_knowledge_base(knowledgeBaseId=ids[1])
    assert len(agent.list_knowledge_bases()["knowledgeBaseSummaries"]) == 2


def test_knowledge_base_errors(virtual, start_emulator, tmp_path):
    emu, _ = virtual
    agent = emu.client("bedrock-agent")
    create_kb(agent, name="taken")
    with pytest.raises(agent.exceptions.ConflictException) as e:
        create_kb(agent, name="taken")
    assert e.value.response["ResponseMetadata"]["HTTPStatusCode"] == 409
    chat = {"type": "VECTOR", "vectorKnowledgeBaseConfiguration": {
        "embeddingModelArn": "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"}}
    with pytest.raises(agent.exceptions.ValidationException, match="not a supported embedding model"):
        agent.create_knowledge_base(name="chat", roleArn=ROLE, knowledgeBaseConfiguration=chat, storageConfiguration=STORAGE)
    with pytest.raises(agent.exceptions.ValidationException, match="dimensions"):
        create_kb(agent, name="odd", dimensions=333)
    for call in (agent.get_knowledge_base, agent.delete_knowledge_base):
        with pytest.raises(agent.exceptions.ResourceNotFoundException, match="NOSUCHKB00"):
            call(knowledgeBaseId="NOSUCHKB00")
    # The client token makes a retried create return the same knowledge base.
    one = create_kb(agent, name="retried", clientToken="token-000000000000000000000000000001")
    assert create_kb(agent, name="retried", clientToken="token-000000000000000000000000000001") == one

    scenario = tmp_path / "kb.yaml"
    scenario.write_text("quotas:\n  resources: {knowledge_bases: 1}\n")
    limited = start_emulator("--scenario", str(scenario)).client("bedrock-agent")
    create_kb(limited, name="only")
    with pytest.raises(limited.exceptions.ServiceQuotaExceededException):
        create_kb(limited, name="second")


# -- data sources -------------------------------------------------------------------------


def test_data_sources_crud(virtual):
    emu, _ = virtual
    agent = emu.client("bedrock-agent")
    kb_id = create_kb(agent)
    chunking = {"chunkingStrategy": "FIXED_SIZE", "fixedSizeChunkingConfiguration": {"maxTokens": 100, "overlapPercentage": 10}}
    ds = agent.create_data_source(
        knowledgeBaseId=kb_id, name="docs", description="the FAQ bucket", dataDeletionPolicy="RETAIN",
        dataSourceConfiguration={"type": "S3", "s3Configuration": {"bucketArn": "arn:aws:s3:::kb-docs", "inclusionPrefixes": ["faq/"]}},
        vectorIngestionConfiguration={"chunkingConfiguration": chunking})["dataSource"]
    assert ds["status"] == "AVAILABLE" and ds["knowledgeBaseId"] == kb_id and len(ds["dataSourceId"]) == 10
    got = agent.get_data_source(knowledgeBaseId=kb_id, dataSourceId=ds["dataSourceId"])["dataSource"]
    assert got["vectorIngestionConfiguration"] == {"chunkingConfiguration": chunking}
    assert got["dataSourceConfiguration"]["s3Configuration"]["inclusionPrefixes"] == ["faq/"]
    assert got["dataDeletionPolicy"] == "RETAIN" and got["description"] == "the FAQ bucket"
    custom = agent.create_data_source(knowledgeBaseId=kb_id, name="custom", dataSourceConfiguration={"type": "CUSTOM"})["dataSource"]
    assert custom["dataDeletionPolicy"] == "DELETE"

    listed = agent.list_data_sources(knowledgeBaseId=kb_id)["dataSourceSummaries"]
    assert sorted(s["name"] for s in listed) == ["custom", "docs"]

    with pytest.raises(agent.exceptions.ConflictException):
        agent.create_data_source(knowledgeBaseId=kb_id, name="docs", dataSourceConfiguration={"type": "CUSTOM"})
    with pytest.raises(agent.exceptions.ValidationException, match="s3Configuration"):
        agent.create_data_source(knowledgeBaseId=kb_id, name="bare", dataSourceConfiguration={"type": "S3"})
    with pytest.raises(agent.exceptions.ResourceNotFoundException):
        agent.create_data_source(knowledgeBaseId="NOSUCHKB00", name="x", dataSourceConfiguration={"type": "CUSTOM"})

    updated = agent.update_data_source(
        knowledgeBaseId=kb_id, dataSourceId=ds["dataSourceId"], name="faq-docs", dataSourceConfiguration=got["dataSourceConfiguration"],
        vectorIngestionConfiguration={"chunkingConfiguration": chunking})["dataSource"]
    assert updated["name"] == "faq-docs"
    with pytest.raises(agent.exceptions.ValidationException, match="chunkingConfiguration"):
        agent.update_data_source(
            knowledgeBaseId=kb_id, dataSourceId=ds["dataSourceId"], name="faq-docs", dataSourceConfiguration=got["dataSourceConfiguration"],
            vectorIngestionConfiguration={"chunkingConfiguration": {"chunkingStrategy": "NONE"}})

    # A data source is found only under its own knowledge base.
    other = create_kb(agent, name="other")
    with pytest.raises(agent.exceptions.ResourceNotFoundException):
        agent.get_data_source(knowledgeBaseId=other, dataSourceId=ds["dataSourceId"])
    gone = agent.delete_data_source(knowledgeBaseId=kb_id, dataSourceId=custom["dataSourceId"])
    assert gone["status"] == "DELETING"
    with pytest.raises(agent.exceptions.ResourceNotFoundException):
        agent.get_data_source(knowledgeBaseId=kb_id, dataSourceId=custom["dataSourceId"])


# -- ingestion ----------------------------------------------------------------------------


def test_ingestion_moves_through_statuses_and_counts_documents(virtual):
    emu, state = virtual
    put(state, "s3://kb-docs/faq/refunds.txt", REFUNDS)
    put(state, "s3://kb-docs/faq/refunds.txt.metadata.json", '{"metadataAttributes": {"topic": "billing"}}')
    put(state, "s3://kb-docs/faq/shipping.md", SHIPPING)
    agent = emu.client("bedrock-agent")
    kb_id = create_kb(agent)
    ds_id = create_s3_source(agent, kb_id)
    job = agent.start_ingestion_job(knowledgeBaseId=kb_id, dataSourceId=ds_id, description="first sync")["ingestionJob"]
    seen = []
    for _ in range(4):
        seen.append(agent.get_ingestion_job(knowledgeBaseId=kb_id, dataSourceId=ds_id, ingestionJobId=job["ingestionJobId"])["ingestionJob"]["status"])
        advance(emu, 2)
    # Built in: STARTING 1 s, IN_PROGRESS 4 s.
    assert seen == ["STARTING", "IN_PROGRESS", "IN_PROGRESS", "COMPLETE"]
    done = agent.get_ingestion_job(knowledgeBaseId=kb_id, dataSourceId=ds_id, ingestionJobId=job["ingestionJobId"])["ingestionJob"]
    assert done["description"] == "first sync"
    assert done["statistics"] == {
        "numberOfDocumentsScanned": 2, "numberOfMetadataDocumentsScanned": 1, "numberOfNewDocumentsIndexed": 2,
        "numberOfModifiedDocumentsIndexed": 0, "numberOfMetadataDocumentsModified": 0, "numberOfDocumentsDeleted": 0, "numberOfDocumentsFailed": 0}
    assert done["updatedAt"].isoformat() == "2026-01-01T00:00:05+00:00"

    # Unchanged documents index nothing; changed count as modified, removed as deleted, new as new.
    again = ingest(emu, agent, kb_id, ds_id)["statistics"]
    assert (again["numberOfDocumentsScanned"], again["numberOfNewDocumentsIndexed"], again["numberOfModifiedDocumentsIndexed"]) == (2, 0, 0)
    put(state, "s3://kb-docs/faq/refunds.txt", REFUNDS + " Store credit is immediate.")
    (state / "objects/kb-docs/faq/shipping.md").unlink()
    put(state, "s3://kb-docs/faq/warranty.txt", WARRANTY)
    third = ingest(emu, agent, kb_id, ds_id)["statistics"]
    assert (third["numberOfNewDocumentsIndexed"], third["numberOfModifiedDocumentsIndexed"], third["numberOfDocumentsDeleted"]) == (1, 1, 1)
    put(state, "s3://kb-docs/faq/refunds.txt.metadata.json", '{"metadataAttributes": {"topic": "payments"}}')
    fourth = ingest(emu, agent, kb_id, ds_id)["statistics"]
    assert (fourth["numberOfMetadataDocumentsModified"], fourth["numberOfModifiedDocumentsIndexed"]) == (1, 0)


def test_unreadable_documents_fail_with_reasons(virtual):
    emu, state = virtual
    put(state, "s3://kb-docs/faq/good.txt", REFUNDS)
    put(state, "s3://kb-docs/faq/binary.txt", b"\xff\xfe\x00bad")
    put(state, "s3://kb-docs/faq/slides.pptx", b"PK\x03\x04")
    put(state, "s3://kb-docs/faq/meta.txt", SHIPPING)
    put(state, "s3://kb-docs/faq/meta.txt.metadata.json", "not json")
    agent = emu.client("bedrock-agent")
    kb_id = create_kb(agent)
    ds_id = create_s3_source(agent, kb_id)
    job = ingest(emu, agent, kb_id, ds_id)
    assert job["status"] == "COMPLETE"
    assert job["statistics"]["numberOfDocumentsScanned"] == 4
    assert job["statistics"]["numberOfNewDocumentsIndexed"] == 1
    assert job["statistics"]["numberOfDocumentsFailed"] == 3
    reasons = " ".join(job["failureReasons"])
    assert "binary.txt" in reasons and "UTF-8" in reasons
    assert "slides.pptx is not supported" in reasons
    assert "meta.txt.metadata.json" in reasons


def test_ingestion_jobs_stop_list_and_conflict(virtual):
    emu, state = virtual
    put(state, "s3://kb-docs/faq/refunds.txt", REFUNDS)
    agent = emu.client("bedrock-agent")
    kb_id = create_kb(agent)
    ds_id = create_s3_source(agent, kb_id)
    first = agent.start_ingestion_job(knowledgeBaseId=kb_id, dataSourceId=ds_id)["ingestionJob"]["ingestionJobId"]
    with pytest.raises(agent.exceptions.ConflictException, match=first):
        agent.start_ingestion_job(knowledgeBaseId=kb_id, dataSourceId=ds_id)
    stopping = agent.stop_ingestion_job(knowledgeBaseId=kb_id, dataSourceId=ds_id, ingestionJobId=first)["ingestionJob"]
    assert stopping["status"] == "STOPPING"
    advance(emu, 2)
    stopped = agent.get_ingestion_job(knowledgeBaseId=kb_id, dataSourceId=ds_id, ingestionJobId=first)["ingestionJob"]
    assert stopped["status"] == "STOPPED" and stopped["statistics"]["numberOfNewDocumentsIndexed"] == 0
    with pytest.raises(agent.exceptions.ConflictException):
        agent.stop_ingestion_job(knowledgeBaseId=kb_id, dataSourceId=ds_id, ingestionJobId=first)
    advance(emu, 1)
    second = ingest(emu, agent, kb_id, ds_id)
    assert second["status"] == "COMPLETE" and second["statistics"]["numberOfNewDocumentsIndexed"] == 1

    jobs = agent.list_ingestion_jobs(knowledgeBaseId=kb_id, dataSourceId=ds_id)["ingestionJobSummaries"]
    assert [j["ingestionJobId"] for j in jobs] == [second["ingestionJobId"], first]
    ascending = agent.list_ingestion_jobs(
        knowledgeBaseId=kb_id, dataSourceId=ds_id, sortBy={"attribute": "STARTED_AT", "order": "ASCENDING"})["ingestionJobSummaries"]
    assert [j["ingestionJobId"] for j in ascending] == [first, second["ingestionJobId"]]
    by_status = agent.list_ingestion_jobs(
        knowledgeBaseId=kb_id, dataSourceId=ds_id, sortBy={"attribute": "STATUS", "order": "ASCENDING"})["ingestionJobSummaries"]
    assert [j["status"] for j in by_status] == ["COMPLETE", "STOPPED"]
    only = agent.list_ingestion_jobs(
        knowledgeBaseId=kb_id, dataSourceId=ds_id, filters=[{"attribute": "STATUS", "operator": "EQ", "values": ["STOPPED"]}])["ingestionJobSummaries"]
    assert [j["ingestionJobId"] for j in only] == [first]
    page = agent.list_ingestion_jobs(knowledgeBaseId=kb_id, dataSourceId=ds_id, maxResults=1)
    assert len(page["ingestionJobSummaries"]) == 1 and page["nextToken"]
    with pytest.raises(agent.exceptions.ResourceNotFoundException):
        agent.get_ingestion_job(knowledgeBaseId=kb_id, dataSourceId=ds_id, ingestionJobId="NOSUCHJOB0")


def test_fixed_size_chunking_splits_long_documents(virtual):
    emu, state = virtual
    sentences = [f"Sentence number {i} talks about topic{i} in some detail." for i in range(40)]
    put(state, "s3://kb-docs/faq/long.txt", " ".join(sentences))
    agent = emu.client("bedrock-agent")
    kb_id = create_kb(agent)
    ds_id = create_s3_source(agent, kb_id, vectorIngestionConfiguration={"chunkingConfiguration": {
        "chunkingStrategy": "FIXED_SIZE", "fixedSizeChunkingConfiguration": {"maxTokens": 50, "overlapPercentage": 20}}})
    whole_id = create_s3_source(agent, kb_id, name="whole", vectorIngestionConfiguration={"chunkingConfiguration": {"chunkingStrategy": "NONE"}})
    ingest(emu, agent, kb_id, ds_id)
    ingest(emu, agent, kb_id, whole_id)
    runtime = emu.client("bedrock-agent-runtime")
    chunks = runtime.retrieve(
        knowledgeBaseId=kb_id, retrievalQuery={"text": "topic7"},
        retrievalConfiguration={"vectorSearchConfiguration": {"numberOfResults": 100, "filter": {
            "equals": {"key": "x-amz-bedrock-kb-data-source-id", "value": ds_id}}}})["retrievalResults"]
    assert len(chunks) > 5
    assert all(len(c["content"]["text"].split()) < 50 for c in chunks)
    whole = runtime.retrieve(
        knowledgeBaseId=kb_id, retrievalQuery={"text": "topic7"},
        retrievalConfiguration={"vectorSearchConfiguration": {"numberOfResults": 100, "filter": {
            "equals": {"key": "x-amz-bedrock-kb-data-source-id", "value": whole_id}}}})["retrievalResults"]
    assert len(whole) == 1 and whole[0]["content"]["text"] == " ".join(sentences)


# -- Retrieve -----------------------------------------------------------------------------


def test_retrieve_ranks_the_passage_sharing_the_question_words_first(virtual):
    emu, state, agent, runtime, kb_id, ds_id, job = seeded(virtual)
    assert job["statistics"]["numberOfNewDocumentsIndexed"] == 3
    for question, expected in [
        ("How long do refunds take?", REFUNDS),
        ("Is shipping free?", SHIPPING),
        ("What does the appliance warranty cover?", WARRANTY),
    ]:
        results = runtime.retrieve(knowledgeBaseId=kb_id, retrievalQuery={"text": question})["retrievalResults"]
        assert len(results) == 3
        assert expected in results[0]["content"]["text"]
        scores = [r["score"] for r in results]
        assert scores == sorted(scores, reverse=True) and 0 <= scores[-1] <= scores[0] <= 1
    top = runtime.retrieve(knowledgeBaseId=kb_id, retrievalQuery={"text": "refunds"})["retrievalResults"][0]
    assert top["content"]["type"] == "TEXT"
    assert top["location"] == {"type": "S3", "s3Location": {"uri": "s3://kb-docs/faq/refunds.txt"}}
    assert top["metadata"]["x-amz-bedrock-kb-source-uri"] == "s3://kb-docs/faq/refunds.txt"
    assert top["metadata"]["x-amz-bedrock-kb-data-source-id"] == ds_id
    assert top["metadata"]["x-amz-bedrock-kb-chunk-id"]
    assert top["metadata"]["topic"] == "billing" and top["metadata"]["year"] == 2023
    html = runtime.retrieve(knowledgeBaseId=kb_id, retrievalQuery={"text": "warranty"})["retrievalResults"][0]["content"]["text"]
    assert html == WARRANTY  # tags and styles stripped
    hybrid = runtime.retrieve(
        knowledgeBaseId=kb_id, retrievalQuery={"text": "free shipping"},
        retrievalConfiguration={"vectorSearchConfiguration": {"overrideSearchType": "HYBRID"}})["retrievalResults"]
    assert SHIPPING in hybrid[0]["content"]["text"]


def test_retrieve_number_of_results_and_filters(virtual):
    emu, state, agent, runtime, kb_id, ds_id, job = seeded(virtual)

    def sources(filter=None, n=None) -> list[str]:
        config: dict = {}
        if filter is not None:
            config["filter"] = filter
        if n is not None:
            config["numberOfResults"] = n
        results = runtime.retrieve(
            knowledgeBaseId=kb_id, retrievalQuery={"text": "orders refunds warranty"},
            retrievalConfiguration={"vectorSearchConfiguration": config})["retrievalResults"]
        return sorted(r["location"]["s3Location"]["uri"].rsplit("/", 1)[1] for r in results)

    assert len(sources(n=1)) == 1 and len(sources(n=2)) == 2
    assert sources({"equals": {"key": "topic", "value": "billing"}}) == ["refunds.txt"]
    assert sources({"notEquals": {"key": "topic", "value": "billing"}}) == ["shipping.md", "warranty.html"]
    assert sources({"greaterThan": {"key": "year", "value": 2023}}) == ["shipping.md"]
    assert sources({"greaterThanOrEquals": {"key": "year", "value": 2023}}) == ["refunds.txt", "shipping.md"]
    assert sources({"lessThan": {"key": "year", "value": 2024}}) == ["refunds.txt"]
    assert sources({"lessThanOrEquals": {"key": "year", "value": 2024}}) == ["refunds.txt", "shipping.md"]
    assert sources({"in": {"key": "topic", "value": ["billing", "logistics"]}}) == ["refunds.txt", "shipping.md"]
    assert sources({"notIn": {"key": "topic", "value": ["billing"]}}) == ["shipping.md", "warranty.html"]
    assert sources({"startsWith": {"key": "topic", "value": "log"}}) == ["shipping.md"]
    assert sources({"listContains": {"key": "tags", "value": "returns"}}) == ["refunds.txt"]
    assert sources({"stringContains": {"key": "topic", "value": "isti"}}) == ["shipping.md"]
    assert sources({"andAll": [{"equals": {"key": "topic", "value": "billing"}}, {"equals": {"key": "year", "value": 2024}}]}) == []
    assert sources({"orAll": [{"equals": {"key": "topic", "value": "billing"}}, {"equals": {"key": "year", "value": 2024}}]}) == [
        "refunds.txt", "shipping.md"]
    assert sources({"startsWith": {"key": "x-amz-bedrock-kb-source-uri", "value": "s3://kb-docs/faq/w"}}) == ["warranty.html"]


def test_retrieve_errors_and_deletion_policies(virtual):
    emu, state, agent, runtime, kb_id, ds_id, job = seeded(virtual)
    with pytest.raises(runtime.exceptions.ResourceNotFoundException, match="NOSUCHKB00"):
        runtime.retrieve(knowledgeBaseId="NOSUCHKB00", retrievalQuery={"text": "refunds"})
    # An empty knowledge base answers no results.
    empty = create_kb(agent, name="empty")
    assert runtime.retrieve(knowledgeBaseId=empty, retrievalQuery={"text": "refunds"})["retrievalResults"] == []
    # RETAIN keeps a deleted data source's chunks; DELETE removes them.
    retained = create_s3_source(agent, kb_id, name="kept", prefixes=["kept/"], dataDeletionPolicy="RETAIN")
    put(state, "s3://kb-docs/kept/kept.txt", "Gift cards never expire.")
    ingest(emu, agent, kb_id, retained)
    agent.delete_data_source(knowledgeBaseId=kb_id, dataSourceId=retained)
    agent.delete_data_source(knowledgeBaseId=kb_id, dataSourceId=ds_id)
    left = runtime.retrieve(knowledgeBaseId=kb_id, retrievalQuery={"text": "gift cards"})["retrievalResults"]
    assert [r["content"]["text"] for r in left] == ["Gift cards never expire."]
    agent.delete_knowledge_base(knowledgeBaseId=kb_id)
    with pytest.raises(runtime.exceptions.ResourceNotFoundException):
        runtime.retrieve(knowledgeBaseId=kb_id, retrievalQuery={"text": "gift cards"})


# -- documents ingested directly ------------------------------------------------------------


def test_documents_ingested_directly_are_indexed_listed_and_deleted(virtual):
    emu, state = virtual
    agent, runtime = emu.client("bedrock-agent"), emu.client("bedrock-agent-runtime")
    kb_id = create_kb(agent)
    ds_id = agent.create_data_source(knowledgeBaseId=kb_id, name="custom", dataSourceConfiguration={"type": "CUSTOM"})["dataSource"]["dataSourceId"]
    put(state, "s3://kb-docs/custom/loyalty.txt", "Loyalty points double on weekends.")
    details = agent.ingest_knowledge_base_documents(knowledgeBaseId=kb_id, dataSourceId=ds_id, documents=[
        {"content": {"dataSourceType": "CUSTOM", "custom": {"customDocumentIdentifier": {"id": "returns"}, "sourceType": "IN_LINE",
                                                           "inlineContent": {"type": "TEXT", "textContent": {"data": REFUNDS}}}},
         "metadata": {"type": "IN_LINE_ATTRIBUTE", "inlineAttributes": [
             {"key": "topic", "value": {"type": "STRING", "stringValue": "billing"}},
             {"key": "year", "value": {"type": "NUMBER", "numberValue": 2025}}]}},
        {"content": {"dataSourceType": "CUSTOM", "custom": {"customDocumentIdentifier": {"id": "page"}, "sourceType": "IN_LINE",
                                                           "inlineContent": {"type": "BYTE", "byteContent": {"mimeType": "text/html", "data": f"<p>{WARRANTY}</p>".encode()}}}}},
        {"content": {"dataSourceType": "CUSTOM", "custom": {"customDocumentIdentifier": {"id": "loyalty"}, "sourceType": "S3_LOCATION",
                                                           "s3Location": {"uri": "s3://kb-docs/custom/loyalty.txt"}}}},
    ])["documentDetails"]
    assert [d["status"] for d in details] == ["INDEXED", "INDEXED", "INDEXED"]
    assert details[0]["identifier"] == {"dataSourceType": "CUSTOM", "custom": {"id": "returns"}}

    top = runtime.retrieve(knowledgeBaseId=kb_id, retrievalQuery={"text": "how do refunds work"})["retrievalResults"][0]
    assert top["content"]["text"] == REFUNDS
    assert top["location"] == {"type": "CUSTOM", "customDocumentLocation": {"id": "returns"}}
    assert top["metadata"]["topic"] == "billing" and top["metadata"]["year"] == 2025
    page = runtime.retrieve(knowledgeBaseId=kb_id, retrievalQuery={"text": "appliance warranty"})["retrievalResults"][0]
    assert page["content"]["text"] == WARRANTY

    got = agent.get_knowledge_base_documents(knowledgeBaseId=kb_id, dataSourceId=ds_id, documentIdentifiers=[
        {"dataSourceType": "CUSTOM", "custom": {"id": "returns"}}, {"dataSourceType": "CUSTOM", "custom": {"id": "missing"}}])["documentDetails"]
    assert [d["status"] for d in got] == ["INDEXED", "NOT_FOUND"]
    listed = agent.list_knowledge_base_documents(knowledgeBaseId=kb_id, dataSourceId=ds_id)["documentDetails"]
    assert sorted(d["identifier"]["custom"]["id"] for d in listed) == ["loyalty", "page", "returns"]
    first = agent.list_knowledge_base_documents(knowledgeBaseId=kb_id, dataSourceId=ds_id, maxResults=2)
    assert len(first["documentDetails"]) == 2 and first["nextToken"]

    deleted = agent.delete_knowledge_base_documents(knowledgeBaseId=kb_id, dataSourceId=ds_id, documentIdentifiers=[
        {"dataSourceType": "CUSTOM", "custom": {"id": "returns"}}])["documentDetails"]
    assert deleted[0]["status"] == "DELETING"
    texts = [r["content"]["text"] for r in runtime.retrieve(knowledgeBaseId=kb_id, retrievalQuery={"text": "refunds"})["retrievalResults"]]
    assert REFUNDS not in texts and len(texts) == 2

    with pytest.raises(agent.exceptions.ValidationException, match="CUSTOM"):
        agent.ingest_knowledge_base_documents(knowledgeBaseId=kb_id, dataSourceId=ds_id, documents=[
            {"content": {"dataSourceType": "S3", "s3": {"s3Location": {"uri": "s3://kb-docs/custom/loyalty.txt"}}}}])
    with pytest.raises(agent.exceptions.ResourceNotFoundException):
        agent.list_knowledge_base_documents(knowledgeBaseId=kb_id, dataSourceId="NOSUCHDS00")


def test_s3_documents_ingested_directly_and_listed_with_synced_ones(virtual):
    emu, state, agent, runtime, kb_id, ds_id, job = seeded(virtual)
    put(state, "s3://kb-docs/faq/late.txt", "Late deliveries earn a voucher.")
    details = agent.ingest_knowledge_base_documents(knowledgeBaseId=kb_id, dataSourceId=ds_id, documents=[
        {"content": {"dataSourceType": "S3", "s3": {"s3Location": {"uri": "s3://kb-docs/faq/late.txt"}}},
         "metadata": {"type": "IN_LINE_ATTRIBUTE", "inlineAttributes": [{"key": "topic", "value": {"type": "STRING", "stringValue": "logistics"}}]}}])["documentDetails"]
    assert details[0]["status"] == "INDEXED"
    listed = agent.list_knowledge_base_documents(knowledgeBaseId=kb_id, dataSourceId=ds_id)["documentDetails"]
    assert sorted(d["identifier"]["s3"]["uri"].rsplit("/", 1)[1] for d in listed) == ["late.txt", "refunds.txt", "shipping.md", "warranty.html"]
    hits = runtime.retrieve(knowledgeBaseId=kb_id, retrievalQuery={"text": "late voucher"}, retrievalConfiguration={
        "vectorSearchConfiguration": {"filter": {"equals": {"key": "topic", "value": "logistics"}}}})["retrievalResults"]
    assert hits[0]["content"]["text"] == "Late deliveries earn a voucher."
    with pytest.raises(agent.exceptions.ValidationException, match="bucket"):
        agent.ingest_knowledge_base_documents(knowledgeBaseId=kb_id, dataSourceId=ds_id, documents=[
            {"content": {"dataSourceType": "S3", "s3": {"s3Location": {"uri": "s3://elsewhere/doc.txt"}}}}])


def test_scenario_timings_for_knowledge_bases_and_ingestion(start_emulator, tmp_path):
    scenario = tmp_path / "kb.yaml"
    scenario.write_text(
        "clock: {mode: virtual, start: \"2026-01-01T00:00:00Z\"}\n"
        "jobs:\n"
        "  knowledge_base: {durations: {CREATING: 30}}\n"
        "  ingestion: {durations: {STARTING: 0, IN_PROGRESS: 60}, outcome: FAILED, message: The vector store is full.}\n")
    emu = start_emulator("--scenario", str(scenario))
    agent = emu.client("bedrock-agent")
    kb_id = create_kb(agent)
    advance(emu, 20)
    assert agent.get_knowledge_base(knowledgeBaseId=kb_id)["knowledgeBase"]["status"] == "CREATING"
    advance(emu, 20)
    assert agent.get_knowledge_base(knowledgeBaseId=kb_id)["knowledgeBase"]["status"] == "ACTIVE"
    ds_id = agent.create_data_source(knowledgeBaseId=kb_id, name="custom", dataSourceConfiguration={"type": "CUSTOM"})["dataSource"]["dataSourceId"]
    job_id = agent.start_ingestion_job(knowledgeBaseId=kb_id, dataSourceId=ds_id)["ingestionJob"]["ingestionJobId"]
    advance(emu, 30)
    assert agent.get_ingestion_job(knowledgeBaseId=kb_id, dataSourceId=ds_id, ingestionJobId=job_id)["ingestionJob"]["status"] == "IN_PROGRESS"
    advance(emu, 31)
    job = agent.get_ingestion_job(knowledgeBaseId=kb_id, dataSourceId=ds_id, ingestionJobId=job_id)["ingestionJob"]
    assert job["status"] == "FAILED" and job["failureReasons"] == ["The vector store is full."]


def test_semantic_and_hierarchical_chunking(virtual):
    emu, state = virtual
    put(state, "s3://kb-docs/sem/guide.txt", f"{REFUNDS} Store credit is immediate.\n\n{SHIPPING}\n\n{WARRANTY}")
    put(state, "s3://kb-docs/hier/guide.txt", f"{REFUNDS} {SHIPPING} {WARRANTY}")
    agent, runtime = emu.client("bedrock-agent"), emu.client("bedrock-agent-runtime")
    kb_id = create_kb(agent)
    semantic = create_s3_source(agent, kb_id, name="semantic", prefixes=["sem/"], vectorIngestionConfiguration={"chunkingConfiguration": {
        "chunkingStrategy": "SEMANTIC", "semanticChunkingConfiguration": {"maxTokens": 200, "bufferSize": 0, "breakpointPercentileThreshold": 95}}})
    hierarchical = create_s3_source(agent, kb_id, name="hierarchical", prefixes=["hier/"], vectorIngestionConfiguration={"chunkingConfiguration": {
        "chunkingStrategy": "HIERARCHICAL", "hierarchicalChunkingConfiguration": {
            "levelConfigurations": [{"maxTokens": 1500}, {"maxTokens": 20}], "overlapTokens": 5}}})
    ingest(emu, agent, kb_id, semantic)
    ingest(emu, agent, kb_id, hierarchical)

    def texts(ds_id):
        return [r["content"]["text"] for r in runtime.retrieve(
            knowledgeBaseId=kb_id, retrievalQuery={"text": "refunds shipping warranty"},
            retrievalConfiguration={"vectorSearchConfiguration": {"numberOfResults": 100, "filter": {
                "equals": {"key": "x-amz-bedrock-kb-data-source-id", "value": ds_id}}}})["retrievalResults"]]

    # Semantic: whole sentences, a paragraph never shares a chunk with the next.
    assert sorted(texts(semantic)) == sorted([REFUNDS + " Store credit is immediate.", SHIPPING, WARRANTY])
    # Hierarchical: the child level (20 tokens, 5 overlapping) is what is indexed.
    children = texts(hierarchical)
    assert len(children) >= 3 and all(len(c.split()) <= 20 for c in children)


def test_reset_forgets_knowledge_bases_and_their_index(virtual):
    emu, state, agent, runtime, kb_id, ds_id, job = seeded(virtual)
    requests.post(emu.url + "/_emulator/reset", json={"service": "bedrock-agent"}, timeout=10).raise_for_status()
    assert agent.list_knowledge_bases()["knowledgeBaseSummaries"] == []
    with pytest.raises(runtime.exceptions.ResourceNotFoundException):
        runtime.retrieve(knowledgeBaseId=kb_id, retrievalQuery={"text": "refunds"})
