namespace AiEngineer.Web.Infrastructure.Database;

/// <summary>
/// The people, talks and companies of the demo summit. Invented names and companies (any likeness is chance), written
/// to read like a real AI engineering program; talk titles, bios and company names stay as their authors wrote them.
/// </summary>
public sealed partial class DemoSeeder
{
    public sealed record DemoSpeaker(string Name, string Company, string Headline, string City, string Bio, string Pronouns = "");

    public enum DemoFormat { Talk, Keynote, Workshop }

    public sealed record DemoTalk(int Speaker, string Title, string Track, DemoFormat Format, Core.Cfp.ProposalLevel Level, string Abstract, string Language = "en");

    public static readonly DemoSpeaker[] ProgramSpeakers =
    [
        new("Maya Okafor", "Lumen Research", "Chief scientist", "San Francisco, CA", "Maya leads research at **Lumen Research**, where her team trains and evaluates reasoning models. Before that she built ranking systems for a decade.", "she/her"),
        new("Tomás Herrera", "Fieldwork", "CTO and co-founder", "Mexico City", "Tomás co-founded Fieldwork, an agent platform for operations teams, and still reviews every prompt change that ships to production.", "he/him"),
        new("Hannah Lindqvist", "Northlight Labs", "Head of AI product", "Stockholm", "Hannah runs AI product at Northlight Labs. She has shipped assistants to four million users and written about every mistake along the way.", "she/her"),
        new("Kwame Mensah", "Tessellate", "Principal engineer, inference", "Seattle, WA", "Kwame builds the inference platform at Tessellate: batching, speculative decoding and the on-call rotation that keeps p99 honest.", "he/him"),
        new("Li Wei", "Hanlin AI", "Research engineer", "Beijing", "Li Wei works on open-weight multilingual models at Hanlin AI, with a focus on Chinese–English evaluation and tokenizer design."),
        new("Rachel Goldberg", "Cobalt Health", "Staff ML engineer", "Boston, MA", "Rachel ships clinical-documentation features at Cobalt Health, where evals are reviewed by physicians before anything reaches a patient chart.", "she/her"),
        new("Arjun Mehta", "Gradient Forge", "Founder", "Bengaluru", "Arjun founded Gradient Forge, a fine-tuning service for small open models, after five years on search infrastructure.", "he/him"),
        new("Sofia Rossi", "Verso", "Design lead, AI interfaces", "Milan", "Sofia designs the AI writing tools at Verso and teaches interaction design for probabilistic software.", "she/her"),
        new("Daniel Kim", "Stackline", "Engineering manager, developer tools", "Austin, TX", "Daniel's team at Stackline builds the code-review agent that comments on forty thousand pull requests a week.", "he/him"),
        new("Amara Nwosu", "Ledgerwise", "Senior software engineer", "Lagos", "Amara builds document-understanding pipelines for invoices and contracts at Ledgerwise, across eleven languages.", "she/her"),
        new("Jonas Becker", "Kiln Compute", "Infrastructure lead", "Berlin", "Jonas runs a GPU fleet of several thousand accelerators at Kiln Compute and writes the capacity plans finance actually reads.", "he/him"),
        new("Elena Petrova", "Quiver", "Staff engineer, retrieval", "Amsterdam", "Elena built Quiver's hybrid search engine and now spends her days on re-ranking, freshness and retrieval evals.", "she/her"),
        new("Marcus Johnson", "Brightpath Learning", "VP of engineering", "Atlanta, GA", "Marcus leads engineering at Brightpath Learning, whose AI tutor answers two million student questions a day.", "he/him"),
        new("Yuki Tanaka", "Kumo Robotics", "Research scientist", "Tokyo", "Yuki works on vision-language-action models for warehouse robots at Kumo Robotics.", "she/her"),
        new("Olivier Dubois", "Mistwood", "Co-founder and CEO", "Paris", "Olivier co-founded Mistwood, which trains compact open models for on-device use, and maintains a popular quantization library.", "he/him"),
        new("Grace Liu", "Parallel Ink", "Product engineer", "Vancouver, BC", "Grace builds AI features end to end at Parallel Ink, from the prompt to the pixel, and cares most about the undo button.", "she/her"),
        new("Samuel Adeyemi", "Anchorline", "Security engineer", "London", "Samuel red-teams LLM applications at Anchorline and has found prompt injections in more places than he can list on stage.", "he/him"),
        new("Isabela Costa", "Trama", "ML platform engineer", "São Paulo", "Isabela runs the ML platform at Trama, a fintech where every model change needs an audit trail.", "she/her"),
        new("Noah Fischer", "Orbital Docs", "Developer advocate", "Zurich", "Noah writes the tutorials and sample apps for Orbital Docs and answers the questions nobody else wants to.", "he/him"),
        new("Aisha Rahman", "Meridian Labs", "Applied AI lead", "Toronto, ON", "Aisha leads applied AI at Meridian Labs, where agents reconcile supply-chain data for retailers.", "she/her"),
        new("Chen Jing", "Yunqi Cloud", "Senior architect", "Hangzhou", "Chen Jing designs inference serving for large Chinese-language models at Yunqi Cloud, from KV-cache layout to multi-tenant scheduling."),
        new("Ben Carter", "Relay", "Staff engineer", "New York, NY", "Ben built the voice agent at Relay that books appointments for ten thousand clinics, and measures latency in milliseconds.", "he/him"),
        new("Priscila Ramos", "Cuadra", "Data scientist", "Buenos Aires", "Priscila builds evaluation datasets at Cuadra and argues that a good golden set is worth more than a bigger model.", "she/her"),
        new("Ravi Shankar", "Sundial", "Principal engineer", "Hyderabad", "Ravi designs the multi-agent orchestration layer at Sundial, which runs long workflows for insurance claims.", "he/him"),
        new("Zoe Martin", "Pebble", "Frontend engineer", "Montréal, QC", "Zoe builds streaming chat and generative UI at Pebble, and is quietly obsessed with accessible live regions.", "she/her"),
        new("Lukas Novak", "Tensorline", "Compiler engineer", "Prague", "Lukas works on kernel fusion and inference compilers at Tensorline.", "he/him"),
        new("Fatima Zahra", "Atlas Legal AI", "Head of engineering", "Casablanca", "Fatima leads engineering at Atlas Legal AI, where citations must be right every single time.", "she/her"),
        new("Ethan Brooks", "Cinder", "Founding engineer", "Denver, CO", "Ethan is a founding engineer at Cinder, building coding agents that run tests before they ask for review.", "he/him"),
        new("Mei Lin", "Lattice Labs", "Research engineer, evals", "Singapore", "Mei builds evaluation infrastructure at Lattice Labs: LLM-as-judge calibration, human review queues and regression dashboards.", "she/her"),
        new("Oscar Nilsson", "Fjord Systems", "SRE lead", "Oslo", "Oscar keeps the AI features at Fjord Systems up, and has opinions about rate limits, retries and fallback models.", "he/him"),
        new("Nadia Haddad", "Cedar Analytics", "ML engineer", "Beirut", "Nadia builds text-to-SQL assistants at Cedar Analytics for analysts who do not want to learn SQL.", "she/her"),
        new("James O'Connor", "Harbor AI", "Co-founder", "Dublin", "James co-founded Harbor AI, an observability tool for LLM applications, after years of debugging them without one.", "he/him"),
        new("Valentina Cruz", "Semilla", "Product designer", "Bogotá", "Valentina designs conversational onboarding at Semilla and runs usability studies with first-time AI users.", "she/her"),
        new("Hiroshi Sato", "Kaze Labs", "Staff engineer", "Osaka", "Hiroshi works on structured generation and constrained decoding at Kaze Labs.", "he/him"),
        new("Leah Cohen", "Outpost", "Engineering lead, agents", "Tel Aviv", "Leah leads the browser-agent team at Outpost, which automates web workflows for operations teams.", "she/her"),
        new("Mateo Silva", "Brisa", "Backend engineer", "Lisbon", "Mateo builds the retrieval backend at Brisa on Postgres and pgvector, and likes boring technology that scales.", "he/him"),
        new("Anika Sharma", "Prism Education", "Director of AI", "Chicago, IL", "Anika leads AI at Prism Education, bringing model-graded feedback to classrooms with teachers in the loop.", "she/her"),
        new("Felix Wagner", "Quanta Forge", "GPU performance engineer", "Munich", "Felix tunes attention kernels at Quanta Forge and has profiled more CUDA traces than he would like to admit.", "he/him"),
        new("Zhang Yu", "Mingjing Tech", "Algorithm lead", "Shenzhen", "Zhang Yu leads the algorithm team at Mingjing Tech, building retrieval-augmented assistants for manufacturing."),
        new("Claire Dupont", "Beacon Finance", "Head of ML governance", "Geneva", "Claire runs ML governance at Beacon Finance: model cards, risk reviews and the evals regulators ask for.", "she/her"),
        new("Kofi Asante", "Waypoint Maps", "Senior engineer", "Accra", "Kofi builds geospatial agents at Waypoint Maps that answer questions about places, routes and time.", "he/him"),
        new("Ingrid Larsen", "Polaris Devices", "Edge AI engineer", "Copenhagen", "Ingrid ships small models onto phones and wearables at Polaris Devices, where every megabyte and milliwatt counts.", "she/her"),
    ];

    public static readonly DemoTalk[] ProgramTalks =
    [
        // Keynotes: two a day, opening and closing.
        new(0, "Reasoning models in production: what changed this year", "open-models", DemoFormat.Keynote, Core.Cfp.ProposalLevel.Introductory, "What a year of shipping reasoning models taught us about cost, latency, evals and the tasks where thinking longer actually helps."),
        new(1, "The agent is the product: lessons from a thousand deployments", "ai-agents", DemoFormat.Keynote, Core.Cfp.ProposalLevel.Introductory, "Patterns, failures and metrics from agents running real operations work for hundreds of companies."),
        new(2, "Designing trust: the interface is the safety layer", "ai-ux", DemoFormat.Keynote, Core.Cfp.ProposalLevel.Introductory, "Why the best guardrails users see are in the design: previews, confirmations, sources and a great undo."),
        new(3, "Inference at scale without heroics", "ai-infrastructure", DemoFormat.Keynote, Core.Cfp.ProposalLevel.Intermediate, "How a small platform team serves billions of tokens a day with batching, caching and calm on-call."),
        new(4, "开放权重模型的多语言评测：从分词到真实任务", "open-models", DemoFormat.Keynote, Core.Cfp.ProposalLevel.Intermediate, "我们如何为中英双语开放权重模型构建评测体系：分词器的影响、基准测试的盲点，以及真实业务任务中的表现。", "zh-Hans"),
        new(5, "Evals are the new unit tests", "ai-dev-tools", DemoFormat.Keynote, Core.Cfp.ProposalLevel.Introductory, "Why every AI team needs an eval suite that runs on every change, and how to start one this week."),
        // Workshops: 80 minutes in the Workshop Lab, two a day.
        new(6, "Hands-on: fine-tune a small open model for extraction", "open-models", DemoFormat.Workshop, Core.Cfp.ProposalLevel.Intermediate, "Bring a laptop: we fine-tune a 3B model with LoRA on a structured-extraction task and evaluate it against a frontier model."),
        new(7, "Prototyping AI interfaces in an afternoon", "ai-ux", DemoFormat.Workshop, Core.Cfp.ProposalLevel.Introductory, "Sketch, prompt and test three interface patterns for uncertain output, with real users from the room."),
        new(8, "Build a code-review agent with tests in the loop", "ai-dev-tools", DemoFormat.Workshop, Core.Cfp.ProposalLevel.Intermediate, "Wire an agent into a repository so that it reads diffs, runs tests and leaves comments engineers keep."),
        new(11, "Hybrid search from scratch", "llm-tooling", DemoFormat.Workshop, Core.Cfp.ProposalLevel.Intermediate, "Build BM25 plus embeddings plus a re-ranker, then measure recall on your own questions."),
        new(16, "Break my agent: a prompt-injection lab", "ai-agents", DemoFormat.Workshop, Core.Cfp.ProposalLevel.Advanced, "Attack a tool-using agent, then defend it: privilege separation, output filtering and human confirmation."),
        new(28, "Your first eval harness in 80 minutes", "ai-dev-tools", DemoFormat.Workshop, Core.Cfp.ProposalLevel.Introductory, "Golden sets, graders and a CI job: leave with an eval suite for a feature you already ship."),
        // Talks.
        new(9, "Document AI across eleven languages", "llm-tooling", DemoFormat.Talk, Core.Cfp.ProposalLevel.Intermediate, "Layout models, OCR fallbacks and per-language evals for invoices and contracts."),
        new(10, "Capacity planning for GPUs your CFO will sign", "ai-infrastructure", DemoFormat.Talk, Core.Cfp.ProposalLevel.Intermediate, "Forecasting token demand, reserving capacity and explaining utilization in a spreadsheet finance trusts."),
        new(12, "An AI tutor for two million questions a day", "ai-ux", DemoFormat.Talk, Core.Cfp.ProposalLevel.Introductory, "Pedagogy, guardrails and cost for a tutor that helps students think instead of answering for them."),
        new(13, "Vision-language-action models leave the lab", "open-models", DemoFormat.Talk, Core.Cfp.ProposalLevel.Advanced, "What it took to move a robot policy from demo videos to a warehouse floor."),
        new(14, "Quantization without regret", "open-models", DemoFormat.Talk, Core.Cfp.ProposalLevel.Advanced, "4-bit, 3-bit and mixed precision: measuring what you lose before your users notice."),
        new(15, "The undo button is an AI feature", "ai-ux", DemoFormat.Talk, Core.Cfp.ProposalLevel.Introductory, "Reversible actions, drafts and previews make people braver with AI; here is how to build them."),
        new(17, "Audit trails for every model change", "ai-infrastructure", DemoFormat.Talk, Core.Cfp.ProposalLevel.Intermediate, "Versioning prompts, models and datasets together so that any answer can be explained a year later."),
        new(18, "Docs that answer back: AI for developer documentation", "ai-dev-tools", DemoFormat.Talk, Core.Cfp.ProposalLevel.Introductory, "Grounded answers, deflection metrics and keeping the docs themselves the source of truth."),
        new(19, "Agents that reconcile messy data", "ai-agents", DemoFormat.Talk, Core.Cfp.ProposalLevel.Intermediate, "Planning, checking and escalating when supply-chain records disagree."),
        new(20, "长上下文推理服务：KV 缓存的工程实践", "ai-infrastructure", DemoFormat.Talk, Core.Cfp.ProposalLevel.Advanced, "面向十万字级上下文的推理服务：KV 缓存的分页与复用、多租户调度，以及我们踩过的坑。", "zh-Hans"),
        new(21, "Voice agents under 500 milliseconds", "ai-agents", DemoFormat.Talk, Core.Cfp.ProposalLevel.Advanced, "Streaming ASR, early LLM starts and TTS caching: a latency budget, millisecond by millisecond."),
        new(22, "A golden set is worth a bigger model", "ai-dev-tools", DemoFormat.Talk, Core.Cfp.ProposalLevel.Introductory, "How to collect, label and maintain the examples that tell you whether a change helped."),
        new(23, "Orchestrating agents for week-long workflows", "ai-agents", DemoFormat.Talk, Core.Cfp.ProposalLevel.Advanced, "Durable execution, checkpoints and human hand-offs for agents that work on a claim for days."),
        new(24, "Streaming UI that screen readers can follow", "ai-ux", DemoFormat.Talk, Core.Cfp.ProposalLevel.Intermediate, "Live regions, focus and pacing for token-by-token interfaces that everyone can use."),
        new(25, "Kernel fusion for transformer inference", "ai-infrastructure", DemoFormat.Talk, Core.Cfp.ProposalLevel.Advanced, "From a profiler trace to a fused kernel: where the time goes and how a compiler wins it back."),
        new(26, "Citations that are right every time", "llm-tooling", DemoFormat.Talk, Core.Cfp.ProposalLevel.Intermediate, "Retrieval, quote verification and refusals for legal research where one wrong citation costs trust."),
        new(27, "Coding agents that run the tests first", "ai-dev-tools", DemoFormat.Talk, Core.Cfp.ProposalLevel.Intermediate, "Sandboxes, test selection and knowing when to stop: agents that open pull requests worth reviewing."),
        new(29, "Rate limits, retries and fallback models", "ai-infrastructure", DemoFormat.Talk, Core.Cfp.ProposalLevel.Intermediate, "Keeping AI features up when providers are not: budgets, circuit breakers and graceful degradation."),
        new(30, "Text-to-SQL for people who never write SQL", "llm-tooling", DemoFormat.Talk, Core.Cfp.ProposalLevel.Intermediate, "Schema linking, query validation and showing your work so analysts trust the numbers."),
        new(31, "Tracing LLM applications in production", "llm-tooling", DemoFormat.Talk, Core.Cfp.ProposalLevel.Introductory, "Spans for prompts, tools and retrieval, and the five dashboards that catch most incidents."),
        new(32, "First-time AI users: what onboarding research shows", "ai-ux", DemoFormat.Talk, Core.Cfp.ProposalLevel.Introductory, "Findings from sixty usability sessions with people meeting an assistant for the first time."),
        new(33, "Structured generation with constrained decoding", "llm-tooling", DemoFormat.Talk, Core.Cfp.ProposalLevel.Advanced, "Grammars, JSON schemas and the performance cost of never emitting invalid output."),
        new(34, "Browser agents for operations teams", "ai-agents", DemoFormat.Talk, Core.Cfp.ProposalLevel.Intermediate, "DOM snapshots, visual grounding and recovering when the page changes under the agent."),
        new(35, "pgvector at a billion embeddings", "llm-tooling", DemoFormat.Talk, Core.Cfp.ProposalLevel.Advanced, "Index choices, partitioning and the queries that stayed fast when the table did not stay small."),
        new(36, "Model-graded feedback with teachers in the loop", "ai-ux", DemoFormat.Talk, Core.Cfp.ProposalLevel.Intermediate, "Rubrics, calibration and the review queue that lets teachers correct the model."),
        new(37, "Profiling attention on modern GPUs", "ai-infrastructure", DemoFormat.Talk, Core.Cfp.ProposalLevel.Advanced, "Reading Nsight traces, memory bandwidth and why your kernel is slower than the paper says."),
        new(38, "制造业知识库问答：检索增强的落地经验", "llm-tooling", DemoFormat.Talk, Core.Cfp.ProposalLevel.Intermediate, "在工厂文档、设备手册和维修记录上构建检索增强问答系统的经验：数据清洗、召回评测与一线工程师的反馈。", "zh-Hans"),
        new(39, "Evals your regulator will accept", "ai-dev-tools", DemoFormat.Talk, Core.Cfp.ProposalLevel.Intermediate, "Model cards, risk tiers and the documentation a financial regulator actually reads."),
        new(40, "Geospatial agents that understand time", "ai-agents", DemoFormat.Talk, Core.Cfp.ProposalLevel.Intermediate, "Tools for places, routes and opening hours, and evals for questions whose answer changes by the hour."),
        new(41, "Small models on small devices", "open-models", DemoFormat.Talk, Core.Cfp.ProposalLevel.Intermediate, "Distillation, quantization and battery budgets for models that run on a wearable."),
        new(0, "When to let the model think longer", "open-models", DemoFormat.Talk, Core.Cfp.ProposalLevel.Advanced, "Measuring the value of reasoning tokens per task, and routing between fast and slow models."),
        new(1, "Agent memory that forgets on purpose", "ai-agents", DemoFormat.Talk, Core.Cfp.ProposalLevel.Intermediate, "Retention policies, summarization and privacy for agents that remember customers."),
        new(3, "Speculative decoding in practice", "ai-infrastructure", DemoFormat.Talk, Core.Cfp.ProposalLevel.Advanced, "Draft models, acceptance rates and when speculation costs more than it saves."),
        new(5, "Clinical notes with physicians as the eval", "ai-ux", DemoFormat.Talk, Core.Cfp.ProposalLevel.Intermediate, "Building review workflows where domain experts grade output quickly and their grades improve the system."),
        new(8, "Forty thousand pull requests a week: a review bot's metrics", "ai-dev-tools", DemoFormat.Talk, Core.Cfp.ProposalLevel.Intermediate, "Acceptance rate, comment survival and the signals that told us a change made the bot worse."),
        new(11, "Re-ranking is where retrieval quality lives", "llm-tooling", DemoFormat.Talk, Core.Cfp.ProposalLevel.Intermediate, "Cross-encoders, LLM re-rankers and freshness signals compared on the same queries."),
        new(13, "Open datasets for embodied AI", "open-models", DemoFormat.Talk, Core.Cfp.ProposalLevel.Intermediate, "Collecting, licensing and sharing robot demonstrations so that others can build on them."),
        new(16, "Prompt injection is an authorization problem", "ai-agents", DemoFormat.Talk, Core.Cfp.ProposalLevel.Advanced, "Treating model output as untrusted input: capabilities, allow-lists and confirmations that hold up."),
        new(19, "Human hand-offs that do not lose context", "ai-agents", DemoFormat.Talk, Core.Cfp.ProposalLevel.Introductory, "Designing escalations so that the person who picks up a case knows what the agent tried."),
        new(24, "Generative UI without the chaos", "ai-ux", DemoFormat.Talk, Core.Cfp.ProposalLevel.Intermediate, "Letting models compose interface components safely, with a design system as the contract."),
        new(2, "Measuring whether an assistant actually helped", "ai-ux", DemoFormat.Talk, Core.Cfp.ProposalLevel.Intermediate, "Task success, time saved and the surveys that lie: how we learned what our assistant was worth."),
        new(6, "LoRA adapters at serving time", "open-models", DemoFormat.Talk, Core.Cfp.ProposalLevel.Advanced, "Hot-swapping hundreds of fine-tuned adapters on one base model without blowing the latency budget."),
        new(29, "An on-call runbook for AI features", "ai-infrastructure", DemoFormat.Talk, Core.Cfp.ProposalLevel.Introductory, "The alerts, dashboards and decisions that made our AI incidents shorter and calmer."),
    ];

    public sealed record DemoSponsor(string Company, string Tier, string Website, string Description);

    public static readonly DemoSponsor[] Sponsors =
    [
        new("Lumen Cloud", "Platinum", "https://lumencloud.example.com", "GPU cloud for training and inference, with **on-demand H-class clusters** and per-second billing."),
        // One Platinum of the tier's two slots: the other stays open to apply for (the tests do).
        new("Northwind Models", "Silver", "https://northwind.example.com", "Frontier model APIs with fine-tuning, batch inference and enterprise data controls."),
        new("Quiver Search", "Gold", "https://quiver.example.com", "Hybrid search and re-ranking as a service, built for retrieval-augmented generation."),
        new("Tessellate", "Gold", "https://tessellate.example.com", "An inference platform that serves open models with **autoscaling** and speculative decoding."),
        new("Harbor Observability", "Gold", "https://harbor.example.com", "Tracing, evals and cost dashboards for LLM applications."),
        new("Kiln Compute", "Silver", "https://kiln.example.com", "Bare-metal accelerators in three regions, reserved or spot."),
        new("Stackline", "Silver", "https://stackline.example.com", "Code-review agents that run your tests before they comment."),
        new("Parallel Ink", "Silver", "https://parallelink.example.com", "AI writing tools for product teams, with a design system for generative UI."),
        new("Anchorline Security", "Silver", "https://anchorline.example.com", "Red-teaming and runtime protection for LLM applications."),
        new("Open Weights Collective", "Community", "https://openweights.example.org", "A non-profit that publishes open datasets and evaluation suites."),
        new("Brisa", "Community", "https://brisa.example.com", "A Postgres-native vector database, open source."),
        new("Fieldnotes", "Community", "https://fieldnotes.example.com", "A newsletter for AI engineers, every Friday."),
        new("Tokenizer Club", "Community", "https://tokenizer.example.org", "A meetup for people building with language models, in twelve cities."),
    ];

    /// <summary>Ticket buyers for the demo's sales: a person, a company, and what they bought.</summary>
    public static readonly (string Name, string Company, (string Type, int Count)[] Lines, Core.Tickets.PaymentMethod Method)[] Buyers =
    [
        ("Jordan Ellis", "Acme Robotics", [("In-person Early Bird", 3)], Core.Tickets.PaymentMethod.Invoice),
        ("Morgan Lee", "Bluebird Health", [("In-person Early Bird", 2), ("Workshop add-on", 2)], Core.Tickets.PaymentMethod.Card),
        ("Taylor Nguyen", "Nimbus Software", [("In-person Regular", 4)], Core.Tickets.PaymentMethod.Invoice),
        ("Casey Wright", "", [("In-person Early Bird", 1)], Core.Tickets.PaymentMethod.Card),
        ("Riya Kapoor", "Orchard Analytics", [("In-person Regular", 2), ("Workshop add-on", 1)], Core.Tickets.PaymentMethod.Card),
        ("Alexei Volkov", "", [("Remote Supporter", 1)], Core.Tickets.PaymentMethod.Card),
        ("Chloe Bernard", "Maison Data", [("In-person Early Bird", 5)], Core.Tickets.PaymentMethod.Invoice),
        ("Omar Farouk", "", [("In-person Regular", 1)], Core.Tickets.PaymentMethod.Card),
        ("Lena Hoffmann", "Kraftwerk AI", [("In-person Regular", 3), ("Workshop add-on", 2)], Core.Tickets.PaymentMethod.Invoice),
        ("Diana Prince", "", [("Remote Supporter", 2)], Core.Tickets.PaymentMethod.Card),
        ("Wang Fang", "Huayu Tech", [("In-person Early Bird", 2)], Core.Tickets.PaymentMethod.Card),
        ("Peter Novak", "", [("In-person Regular", 1)], Core.Tickets.PaymentMethod.Card),
        ("Emma Clarke", "Thistle Labs", [("In-person Regular", 6)], Core.Tickets.PaymentMethod.Invoice),
        ("Lucas Moreau", "", [("In-person Early Bird", 1), ("Workshop add-on", 1)], Core.Tickets.PaymentMethod.Card),
        ("Ana Souza", "", [("Remote", 1)], Core.Tickets.PaymentMethod.Free),
        ("Ibrahim Musa", "", [("Remote", 1)], Core.Tickets.PaymentMethod.Free),
        ("Sara Lindgren", "", [("Remote", 1)], Core.Tickets.PaymentMethod.Free),
        ("Kenji Watanabe", "", [("Remote", 1)], Core.Tickets.PaymentMethod.Free),
        ("Olga Ivanova", "", [("Remote", 1)], Core.Tickets.PaymentMethod.Free),
        ("Tyler Brooks", "Summit Ventures", [("In-person Regular", 2)], Core.Tickets.PaymentMethod.Card),
    ];
}
