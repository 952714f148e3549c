"""Knowledge bases at run time through boto3: RetrieveAndGenerate (and its stream) over an
ingested knowledge base or external sources, with citations that point at the passages
they quote, sessions that carry a conversation, Rerank and GenerateQuery."""

from __future__ import annotations

import pytest
import requests

from test_knowledge_bases import REFUNDS, SHIPPING, WARRANTY, advance, create_kb, create_s3_source, ingest, put

HAIKU = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"
RERANK = "arn:aws:bedrock:us-east-1::foundation-model/amazon.rerank-v1:0"
ROLE = "arn:aws:iam::123456789012:role/KnowledgeBase"


@pytest.fixture
def virtual(start_emulator, tmp_path):
    emu = start_emulator("--clock", "virtual", "--clock-start", "2026-01-01T00:00:00Z", "--state", str(tmp_path))
    return emu, tmp_path


@pytest.fixture
def kb(virtual):
    emu, state = virtual
    put(state, "s3://kb-docs/faq/refunds.txt", REFUNDS)
    put(state, "s3://kb-docs/faq/shipping.md", "# Shipping\n\n" + SHIPPING)
    put(state, "s3://kb-docs/faq/warranty.html", f"<html><body><p>{WARRANTY}</p></body></html>")
    agent = emu.client("bedrock-agent")
    kb_id = create_kb(agent)
    advance(emu, 5)
    ds_id = create_s3_source(agent, kb_id)
    assert ingest(emu, agent, kb_id, ds_id)["status"] == "COMPLETE"
    return emu, state, emu.client("bedrock-agent-runtime"), kb_id


def kb_config(kb_id: str, **generation) -> dict:
    config: dict = {"knowledgeBaseId": kb_id, "modelArn": HAIKU}
    if generation:
        config["generationConfiguration"] = generation
    return {"type": "KNOWLEDGE_BASE", "knowledgeBaseConfiguration": config}


def cited_uris(citation: dict) -> list[str]:
    return [ref["location"]["s3Location"]["uri"] for ref in citation["retrievedReferences"]]


def assert_spans_index_the_output(response: dict) -> None:
    text = response["output"]["text"]
    for citation in response["citations"]:
        part = citation["generatedResponsePart"]["textResponsePart"]
        span = part["span"]
        assert text[span["start"]:span["end"] + 1] == part["text"]


def test_the_answer_quotes_and_cites_the_passage_that_holds_the_question(kb):
    _, _, runtime, kb_id = kb
    response = runtime.retrieve_and_generate(
        input={"text": "When are refunds issued?"}, retrieveAndGenerateConfiguration=kb_config(kb_id))
    assert response["sessionId"]
    assert REFUNDS in response["output"]["text"]
    first = response["citations"][0]
    assert cited_uris(first) == ["s3://kb-docs/faq/refunds.txt"]
    assert first["retrievedReferences"][0]["content"] == {"type": "TEXT", "text": REFUNDS}
    assert first["generatedResponsePart"]["textResponsePart"]["text"] == REFUNDS
    assert_spans_index_the_output(response)
    assert "guardrailAction" not in response
    again = runtime.retrieve_and_generate(
        input={"text": "When are refunds issued?"}, retrieveAndGenerateConfiguration=kb_config(kb_id))
    assert again["output"] == response["output"] and again["citations"] == response["citations"]


def test_nothing_relevant_means_no_answer_and_no_citations(kb):
    _, _, runtime, kb_id = kb
    response = runtime.retrieve_and_generate(
        input={"text": "Who painted the Mona Lisa?"}, retrieveAndGenerateConfiguration=kb_config(kb_id))
    assert response["output"]["text"] == "Sorry, I am unable to assist you with this request."
    assert response["citations"] == []


def test_a_session_carries_the_conversation_into_the_next_turn(kb):
    emu, _, runtime, kb_id = kb
    first = runtime.retrieve_and_generate(
        input={"text": "Tell me about the warranty"}, retrieveAndGenerateConfiguration=kb_config(kb_id))
    session = first["sessionId"]
    # "it" means the warranty only to someone who heard the first turn.
    alone = runtime.retrieve_and_generate(input={"text": "What does it cover?"}, retrieveAndGenerateConfiguration=kb_config(kb_id))
    assert alone["output"]["text"] == "Sorry, I am unable to assist you with this request."
    follow_up = runtime.retrieve_and_generate(
        input={"text": "What does it cover?"}, retrieveAndGenerateConfiguration=kb_config(kb_id), sessionId=session)
    assert follow_up["sessionId"] == session
    assert follow_up["output"]["text"] == WARRANTY
    assert cited_uris(follow_up["citations"][0]) == ["s3://kb-docs/faq/warranty.html"]
    assert_spans_index_the_output(follow_up)
    # The model saw the first turn: a scenario rule on the second turn takes the call.
    requests.put(emu.url + "/_emulator/scenario", data="responses:\n  - match: {operation: RetrieveAndGenerate, turn: 3}\n    reply: Third turn.\n", timeout=10).raise_for_status()
    third = runtime.retrieve_and_generate(
        input={"text": "And parts?"}, retrieveAndGenerateConfiguration=kb_config(kb_id), sessionId=session)
    assert third["output"]["text"] == "Third turn."
    with pytest.raises(runtime.exceptions.ValidationException, match="not valid"):
        runtime.retrieve_and_generate(
            input={"text": "Hello?"}, retrieveAndGenerateConfiguration=kb_config(kb_id), sessionId="no-such-session")
    advance(emu, 25 * 3600)
    with pytest.raises(runtime.exceptions.ValidationException):
        runtime.retrieve_and_generate(input={"text": "Still there?"}, retrieveAndGenerateConfiguration=kb_config(kb_id), sessionId=session)


def test_a_prompt_template_and_a_scripted_reply_with_answer_parts(kb):
    emu, _, runtime, kb_id = kb
    scenario = (
        "responses:\n  - match: {operation: RetrieveAndGenerate, prompt: shipping}\n"
        "    reply: \"<answer><answer_part><text>Shipping is free over 50 dollars.</text><sources><source>1</source></sources></answer_part></answer>\"\n"
    )
    requests.put(emu.url + "/_emulator/scenario", data=scenario, timeout=10).raise_for_status()
    response = runtime.retrieve_and_generate(
        input={"text": "Is shipping free?"},
        retrieveAndGenerateConfiguration=kb_config(
            kb_id, promptTemplate={"textPromptTemplate": "Results: $search_results$ Question: $query$ $output_format_instructions$"},
            inferenceConfig={"textInferenceConfig": {"maxTokens": 200, "temperature": 0}}))
    assert response["output"]["text"] == "Shipping is free over 50 dollars."
    assert cited_uris(response["citations"][0]) == ["s3://kb-docs/faq/shipping.md"]
    journal = requests.get(emu.url + "/_emulator/journal", params={"operation": "RetrieveAndGenerate"}, timeout=10).json()["entries"]
    assert journal[-1]["rule"] == "responses[0]"


def test_the_stream_sends_the_same_answer_in_pieces_with_citations(kb):
    _, _, runtime, kb_id = kb
    whole = runtime.retrieve_and_generate(
        input={"text": "How long does shipping take and when are refunds issued?"}, retrieveAndGenerateConfiguration=kb_config(kb_id))
    streamed = runtime.retrieve_and_generate_stream(
        input={"text": "How long does shipping take and when are refunds issued?"}, retrieveAndGenerateConfiguration=kb_config(kb_id))
    assert streamed["sessionId"]
    texts, citations = [], []
    for event in streamed["stream"]:
        if "output" in event:
            texts.append(event["output"]["text"])
        elif "citation" in event:
            citations.append(event["citation"])
    assert len(texts) > 1
    assert "".join(texts) == whole["output"]["text"]
    assert [c["generatedResponsePart"] for c in citations] == [c["generatedResponsePart"] for c in whole["citations"]]
    assert [c["retrievedReferences"] for c in citations] == [c["retrievedReferences"] for c in whole["citations"]]
    assert len(citations) >= 2


def test_external_sources_from_bytes_and_from_s3(virtual):
    emu, state = virtual
    runtime = emu.client("bedrock-agent-runtime")
    document = "Our office opens at nine. The cafeteria serves lunch from noon until two."
    response = runtime.retrieve_and_generate(
        input={"text": "When is lunch served?"},
        retrieveAndGenerateConfiguration={"type": "EXTERNAL_SOURCES", "externalSourcesConfiguration": {
            "modelArn": HAIKU, "sources": [{"sourceType": "BYTE_CONTENT", "byteContent": {
                "identifier": "handbook.txt", "contentType": "text/plain", "data": document.encode()}}]}})
    assert response["output"]["text"] == "The cafeteria serves lunch from noon until two."
    reference = response["citations"][0]["retrievedReferences"][0]
    assert reference["location"] == {"type": "CUSTOM", "customDocumentLocation": {"id": "handbook.txt"}}
    assert_spans_index_the_output(response)

    put(state, "s3://handbooks/policy.md", "# Policy\n\nParking permits are renewed every January.")
    from_s3 = runtime.retrieve_and_generate(
        input={"text": "When are parking permits renewed?"},
        retrieveAndGenerateConfiguration={"type": "EXTERNAL_SOURCES", "externalSourcesConfiguration": {
            "modelArn": HAIKU, "sources": [{"sourceType": "S3", "s3Location": {"uri": "s3://handbooks/policy.md"}}]}})
    assert from_s3["output"]["text"] == "Parking permits are renewed every January."
    assert from_s3["citations"][0]["retrievedReferences"][0]["location"] == {"type": "S3", "s3Location": {"uri": "s3://handbooks/policy.md"}}
    with pytest.raises(runtime.exceptions.ValidationException, match="could not be read"):
        runtime.retrieve_and_generate(
            input={"text": "Anything?"},
            retrieveAndGenerateConfiguration={"type": "EXTERNAL_SOURCES", "externalSourcesConfiguration": {
                "modelArn": HAIKU, "sources": [{"sourceType": "S3", "s3Location": {"uri": "s3://handbooks/missing.txt"}}]}})


def test_errors_unknown_knowledge_base_and_bad_model(kb):
    _, _, runtime, kb_id = kb
    with pytest.raises(runtime.exceptions.ResourceNotFoundException):
        runtime.retrieve_and_generate(input={"text": "refunds"}, retrieveAndGenerateConfiguration=kb_config("NOSUCHKB01"))
    bad = kb_config(kb_id)
    bad["knowledgeBaseConfiguration"]["modelArn"] = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"
    with pytest.raises(runtime.exceptions.ValidationException):
        runtime.retrieve_and_generate(input={"text": "refunds"}, retrieveAndGenerateConfiguration=bad)
    with pytest.raises(runtime.exceptions.ResourceNotFoundException):
        runtime.retrieve_and_generate(
            input={"text": "refunds"},
            retrieveAndGenerateConfiguration=kb_config(kb_id, guardrailConfiguration={"guardrailId": "nosuchguard", "guardrailVersion": "1"}))


def test_rerank_orders_sources_by_relevance(emulator):
    runtime = emulator.client("bedrock-agent-runtime")
    sources = [
        {"type": "INLINE", "inlineDocumentSource": {"type": "TEXT", "textDocument": {"text": SHIPPING}}},
        {"type": "INLINE", "inlineDocumentSource": {"type": "TEXT", "textDocument": {"text": REFUNDS}}},
        {"type": "INLINE", "inlineDocumentSource": {"type": "JSON", "jsonDocument": {"topic": "warranty", "text": WARRANTY}}},
    ]
    config = {"type": "BEDROCK_RERANKING_MODEL", "bedrockRerankingConfiguration": {"modelConfiguration": {"modelArn": RERANK}, "numberOfResults": 2}}
    results = runtime.rerank(queries=[{"type": "TEXT", "textQuery": {"text": "When are refunds issued?"}}], sources=sources, rerankingConfiguration=config)["results"]
    assert len(results) == 2
    assert results[0]["index"] == 1 and results[0]["document"] == sources[1]["inlineDocumentSource"]
    assert results[0]["relevanceScore"] >= results[1]["relevanceScore"]
    warranty = runtime.rerank(queries=[{"type": "TEXT", "textQuery": {"text": "warranty for parts"}}], sources=sources, rerankingConfiguration=config)["results"]
    assert warranty[0]["index"] == 2
    config["bedrockRerankingConfiguration"]["modelConfiguration"]["modelArn"] = HAIKU
    with pytest.raises(runtime.exceptions.ValidationException, match="not a reranking model"):
        runtime.rerank(queries=[{"type": "TEXT", "textQuery": {"text": "refunds"}}], sources=sources, rerankingConfiguration=config)


def test_generate_query_writes_sql_for_a_sql_knowledge_base(kb):
    emu, _, runtime, vector_kb = kb
    agent = emu.client("bedrock-agent")
    sql_kb = agent.create_knowledge_base(
        name="sales", roleArn=ROLE,
        knowledgeBaseConfiguration={"type": "SQL", "sqlKnowledgeBaseConfiguration": {"type": "REDSHIFT", "redshiftConfiguration": {
            "queryEngineConfiguration": {"type": "SERVERLESS", "serverlessConfiguration": {
                "workgroupArn": "arn:aws:redshift-serverless:us-east-1:123456789012:workgroup/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "authConfiguration": {"type": "IAM"}}},
            "storageConfigurations": [{"type": "REDSHIFT", "redshiftConfiguration": {"databaseName": "dev"}}],
            "queryGenerationConfiguration": {"generationContext": {"tables": [
                {"name": "dev.public.orders", "description": "Orders placed", "columns": [{"name": "order_id"}, {"name": "status"}, {"name": "amount"}]},
            ]}}}}})["knowledgeBase"]
    advance(emu, 5)
    config = {"mode": "TEXT_TO_SQL", "textToSqlConfiguration": {"type": "KNOWLEDGE_BASE", "knowledgeBaseConfiguration": {"knowledgeBaseArn": sql_kb["knowledgeBaseArn"]}}}
    queries = runtime.generate_query(queryGenerationInput={"type": "TEXT", "text": "How many orders have status shipped?"}, transformationConfiguration=config)["queries"]
    assert queries == [{"type": "REDSHIFT_SQL", "sql": "SELECT COUNT(*) FROM dev.public.orders WHERE status = 'shipped';"}]

    vector_arn = agent.get_knowledge_base(knowledgeBaseId=vector_kb)["knowledgeBase"]["knowledgeBaseArn"]
    config["textToSqlConfiguration"]["knowledgeBaseConfiguration"]["knowledgeBaseArn"] = vector_arn
    with pytest.raises(runtime.exceptions.ValidationException, match="type SQL"):
        runtime.generate_query(queryGenerationInput={"type": "TEXT", "text": "How many orders?"}, transformationConfiguration=config)
    config["textToSqlConfiguration"]["knowledgeBaseConfiguration"]["knowledgeBaseArn"] = "arn:aws:bedrock:us-east-1:123456789012:knowledge-base/NOSUCHKB01"
    with pytest.raises(runtime.exceptions.ResourceNotFoundException):
        runtime.generate_query(queryGenerationInput={"type": "TEXT", "text": "How many orders?"}, transformationConfiguration=config)


def test_a_configured_guardrail_blocks_the_question_or_the_answer(kb):
    emu, _, runtime, kb_id = kb
    guard = emu.client("bedrock").create_guardrail(
        name="rag-guard", blockedInputMessaging="I can't discuss that.", blockedOutputsMessaging="I can't share that answer.",
        wordPolicyConfig={"wordsConfig": [{"text": "Acme Corp"}, {"text": "warehouse"}]})
    config = kb_config(kb_id, guardrailConfiguration={"guardrailId": guard["guardrailId"], "guardrailVersion": "DRAFT"})

    asked = runtime.retrieve_and_generate(input={"text": "Does Acme Corp issue refunds?"}, retrieveAndGenerateConfiguration=config)
    assert asked["output"]["text"] == "I can't discuss that." and asked["guardrailAction"] == "INTERVENED"
    assert asked.get("citations", []) == []

    # The answer quotes the refunds passage, which names the warehouse: the output check blocks it.
    answered = runtime.retrieve_and_generate(input={"text": "When are refunds issued?"}, retrieveAndGenerateConfiguration=config)
    assert answered["output"]["text"] == "I can't share that answer." and answered["guardrailAction"] == "INTERVENED"

    passed = runtime.retrieve_and_generate(input={"text": "How long does shipping take?"}, retrieveAndGenerateConfiguration=config)
    assert SHIPPING in passed["output"]["text"] and passed["guardrailAction"] == "NONE"

    streamed = runtime.retrieve_and_generate_stream(input={"text": "When are refunds issued?"}, retrieveAndGenerateConfiguration=config)
    events = list(streamed["stream"])
    assert "".join(e["output"]["text"] for e in events if "output" in e) == "I can't share that answer."
    assert [e["guardrail"]["action"] for e in events if "guardrail" in e] == ["INTERVENED"]
