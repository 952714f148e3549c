dofile("tools/benchmark/report.lua")
wrk.method = "POST"
wrk.path = "/model/anthropic.claude-3-haiku-20240307-v1:0/converse"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"messages": [{"role": "user", "content": [{"text": "What is the capital of France?"}]}], "inferenceConfig": {"maxTokens": 256}}]]
