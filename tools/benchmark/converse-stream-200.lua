dofile("tools/benchmark/report.lua")
wrk.method = "POST"
wrk.path = "/model/anthropic.claude-3-haiku-20240307-v1:0/converse-stream"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"messages": [{"role": "user", "content": [{"text": "Describe the history of Paris in 200 tokens."}]}], "inferenceConfig": {"maxTokens": 400}}]]
