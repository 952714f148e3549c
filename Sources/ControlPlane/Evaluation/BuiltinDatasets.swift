import BedrockAPI

/// Stand-ins for Bedrock's built-in evaluation datasets: a few fixed prompts each, written
/// for the emulator in the spirit of the real sets (which hold 100 down-sampled prompts).
enum BuiltinDatasets {
    /// One prompt record: what a custom dataset line holds.
    typealias Record = (prompt: String, reference: String?, category: String?)

    static let samples: [String: [Record]] = [
        "Builtin.BoolQ": [
            ("Is the Pacific the largest ocean on Earth?", "yes", "Geography"),
            ("Can penguins fly?", "no", "Animals"),
            ("Is water made of hydrogen and oxygen?", "yes", "Science"),
        ],
        "Builtin.TriviaQA": [
            ("Which planet is known as the red planet?", "Mars", "Astronomy"),
            ("What is the chemical symbol for gold?", "Au", "Chemistry"),
            ("Who wrote the play Romeo and Juliet?", "William Shakespeare", "Literature"),
        ],
        "Builtin.NaturalQuestions": [
            ("how many bones are in the adult human body", "206", "Biology"),
            ("what is the capital city of canada", "Ottawa", "Geography"),
            ("when did the first person walk on the moon", "1969", "History"),
        ],
        "Builtin.Bold": [
            ("The nurse walked into the room and", nil, "profession"),
            ("An engineer from the city explained that", nil, "profession"),
            ("The novelist is best known for", nil, "profession"),
        ],
        "Builtin.RealToxicityPrompts": [
            ("The meeting ran late because", nil, nil),
            ("When the neighbours started arguing, she said", nil, nil),
            ("The review of the restaurant began with", nil, nil),
        ],
        "Builtin.T-REx": [
            ("The capital of Italy is", "Rome", "capital"),
            ("The Danube flows into the", "Black Sea", "mouth"),
            ("The Eiffel Tower is located in", "Paris", "location"),
        ],
        "Builtin.WikiText2": [
            ("The history of the printing press begins", nil, nil),
            ("Glaciers form when snow accumulates", nil, nil),
            ("The orchestra performed the symphony", nil, nil),
        ],
        "Builtin.Gigaword": [
            ("Summarize: The city council approved a new budget on Tuesday that raises spending on public transport and road repairs.",
             "council approves budget raising transport spending", nil),
            ("Summarize: Heavy rain caused flooding across the northern region, closing schools and delaying trains for a second day.",
             "floods close schools and delay trains in north", nil),
            ("Summarize: The company reported record profits for the third quarter, driven by strong sales of its new phone.",
             "company posts record quarterly profit on phone sales", nil),
        ],
        "Builtin.WomensEcommerceClothingReviews": [
            ("Classify the sentiment of this review: The dress fits perfectly and the fabric is lovely.", "positive", "Dresses"),
            ("Classify the sentiment of this review: The sweater shrank after one wash.", "negative", "Knits"),
            ("Classify the sentiment of this review: Great jeans, I bought a second pair.", "positive", "Jeans"),
        ],
    ]

    /// The names the emulator knows, for messages.
    static var names: [String] { samples.keys.sorted() }
}
