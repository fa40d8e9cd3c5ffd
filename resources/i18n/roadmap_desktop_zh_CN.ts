<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AssistantPanel</name>
    <message>
        <location filename="../../roadmap_desktop/ui/assistant/model_picker.py" line="+218"/>
        <source>http://192.168.1.20:8080</source>
        <translation>http://192.168.1.20:8080</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Model server…</source>
        <translation>模型服务器…</translation>
    </message>
    <message>
        <location line="+195"/>
        <source>Connecting to {url}…</source>
        <translation>正在连接 {url}…</translation>
    </message>
    <message>
        <location filename="../../roadmap_desktop/ui/assistant/server_choices.py" line="+45"/>
        <source>an OpenAI-compatible server</source>
        <translation>OpenAI 兼容服务器</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{model} · {server} on this computer</source>
        <translation>{model} · 本机的 {server}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{server} at {url}</source>
        <translation>{server}（{url}）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This server may not keep to the answer&apos;s format: drafts are checked and only their complete items kept.</source>
        <translation>此服务器可能不遵守回答的格式：草稿会经过检查，只保留完整的条目。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Using {model} on the model server {url}</source>
        <translation>正在使用模型服务器 {url} 上的 {model}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Using {model} on {server} at {url}</source>
        <translation>正在使用 {server}（{url}）上的 {model}</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Using the model server {url}</source>
        <translation>正在使用模型服务器 {url}</translation>
    </message>
    <message>
        <location filename="../../roadmap_desktop/ui/assistant/model_picker.py" line="-288"/>
        <location line="+326"/>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <location filename="../../roadmap_desktop/ui/assistant/assistant_panel.py" line="+47"/>
        <source>Draft requirements from a brief</source>
        <translation>根据简报起草需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User story for a requirement</source>
        <translation>为需求编写用户故事</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RICE inputs for requirements</source>
        <translation>为需求估算 RICE 输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline items across the phases</source>
        <translation>跨各阶段的时间线事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risks from the library</source>
        <translation>从风险库选取风险</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Executive summary</source>
        <translation>执行摘要</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Uses the requirement selected in the Requirements tab.</source>
        <translation>使用“需求”标签页中选中的需求。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uses the project&apos;s requirements.</source>
        <translation>使用项目的需求。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uses the project&apos;s requirements and the planning phases P0-P7.</source>
        <translation>使用项目的需求和规划阶段 P0-P7。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chooses from the built-in AI-startup risk library for this roadmap.</source>
        <translation>从内置的 AI 创业风险库中为此路线图挑选风险。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summarises the whole project for the PDF&apos;s title page.</source>
        <translation>为 PDF 的标题页概括整个项目。</translation>
    </message>
    <message>
        <location filename="../../roadmap_desktop/ui/assistant/model_picker.py" line="-482"/>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use another .gguf model file</source>
        <translation>使用其他 .gguf 模型文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The address of an OpenAI-compatible server: `roadmap-desktop serve`, llama.cpp&apos;s llama-server, Ollama, LM Studio or vLLM</source>
        <translation>OpenAI 兼容服务器的地址：`roadmap-desktop serve`、llama.cpp 的 llama-server、Ollama、LM Studio 或 vLLM</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Server model</source>
        <translation>服务器模型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>if the server printed one</source>
        <translation>如果服务器显示了密钥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The key `roadmap-desktop serve` printed when it serves the local network</source>
        <translation>`roadmap-desktop serve` 为局域网服务时显示的密钥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show model settings</source>
        <translation>显示模型设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto (all layers on the GPU when available)</source>
        <translation>自动（可用时所有层都放在 GPU 上）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU only</source>
        <translation>仅 CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>task default</source>
        <translation>任务默认值</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Context length</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU threads</source>
        <translation>CPU 线程数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max tokens</source>
        <translation>最大 token 数</translation>
    </message>
    <message>
        <location filename="../../roadmap_desktop/ui/assistant/assistant_panel.py" line="+146"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Product brief: what you build, for whom, and the problem it solves.</source>
        <translation>产品简报：你要做什么、为谁而做、解决什么问题。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show what will be sent</source>
        <translation>显示将要发送的内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The model&apos;s answer streams here.</source>
        <translation>模型的回答会实时显示在这里。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept Selected</source>
        <translation>接受所选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept All</source>
        <translation>全部接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../../roadmap_desktop/ui/assistant/model_picker.py" line="+94"/>
        <source>{file} (unusable)</source>
        <translation>{file}（不可用）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A model server at an address you type: `roadmap-desktop serve` on a computer of the local network, or llama.cpp&apos;s llama-server, Ollama, LM Studio or vLLM</source>
        <translation>按您输入的地址使用模型服务器：局域网中某台电脑上的 `roadmap-desktop serve`，或 llama.cpp 的 llama-server、Ollama、LM Studio、vLLM</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The address `roadmap-desktop serve` printed on the server computer, or that of an OpenAI-compatible server (Ollama, LM Studio, vLLM, llama-server); its settings apply.</source>
        <translation>服务器电脑上 `roadmap-desktop serve` 显示的地址，或 OpenAI 兼容服务器（Ollama、LM Studio、vLLM、llama-server）的地址；以服务器的设置为准。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No .gguf model found in models/. Use Open… to pick one.</source>
        <translation>在 models/ 中没有找到 .gguf 模型。请用“打开…”选择一个。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>chat template</source>
        <translation>有对话模板</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no chat template (a default is used)</source>
        <translation>无对话模板（使用默认模板）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{architecture} · context {context} · {size} · {template}
Memory at context {n_ctx}: {memory}</source>
        <translation>{architecture} · 上下文 {context} · {size} · {template}
上下文为 {n_ctx} 时的内存：{memory}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Open Model File</source>
        <translation>打开模型文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot use this model</source>
        <translation>无法使用此模型</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This llama.cpp build can offload to the GPU.</source>
        <translation>此 llama.cpp 版本可以把计算卸载到 GPU。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This llama.cpp build has no GPU support (CPU build): the model runs on the CPU.</source>
        <translation>此 llama.cpp 为 CPU 版本，不支持 GPU：模型在 CPU 上运行。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose a usable .gguf model first</source>
        <translation>请先选择一个可用的 .gguf 模型</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not enough memory?</source>
        <translation>内存不足？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{message}

Loading may make the computer very slow. Load anyway?</source>
        <translation>{message}

加载可能会让电脑变得非常慢。仍要加载吗？</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Loading {name}…</source>
        <translation>正在加载 {name}…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Checking {name} in a separate process before its first use…</source>
        <translation>首次使用前，正在单独的进程中检查 {name}…</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loaded {name} · context {n_ctx} · {device}</source>
        <translation>已加载 {name} · 上下文 {n_ctx} · {device}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Could not load the model: {message}</source>
        <translation>无法加载模型：{message}</translation>
    </message>
    <message>
        <location filename="../../roadmap_desktop/ui/assistant/assistant_panel.py" line="+56"/>
        <source>This model is small ({parameters}) and writes poor Chinese: it only chooses entries of the built-in library, whose Chinese texts are used as they are. For free drafting open a larger multilingual model or use a model server.</source>
        <translation>此模型较小（{parameters}），中文能力很弱：它只从内置库中挑选条目，中文文本直接采用库中内容。要自由起草，请打开更大的多语言模型或使用模型服务器。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This model is small ({parameters}): it adapts entries of the built-in library to your brief. For drafting beyond the library, open a larger model or use a model server.</source>
        <translation>此模型较小（{parameters}）：它把内置库中的条目按你的产品简介调整。要起草库外的内容，请打开更大的模型或使用模型服务器。</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Set product brief</source>
        <translation>设置产品简介</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type a product brief first (or set the project&apos;s vision in Project Properties)</source>
        <translation>请先输入产品简报（或在“项目属性”中设置项目愿景）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>From the library and the project&apos;s figures; no model needed</source>
        <translation>来自内置库和项目数据，无需模型</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>— round {round}: asking for more, without repeats —</source>
        <translation>— 第 {round} 轮：继续请求更多内容，不重复 —</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Generating…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Round {round} of up to {rounds}…</source>
        <translation>第 {round} 轮（最多 {rounds} 轮）…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{count} tokens</source>
        <translation>{count} 个 token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{speed} tokens/s</source>
        <translation>{speed} token/秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>first token after {seconds} s</source>
        <translation>首个 token 用时 {seconds} 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} rounds</source>
        <translation>{count} 轮</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The assistant failed: {message}</source>
        <translation>助手出错：{message}</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>{count} unticked suggestion(s) left out</source>
        <translation>未勾选的 {count} 条建议已舍弃</translation>
    </message>
    <message>
        <location filename="../../roadmap_desktop/ui/assistant/model_picker.py" line="+10"/>
        <source>needs about {need}; available memory unknown</source>
        <translation>约需 {need}；可用内存未知</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>needs about {need} of {available} available</source>
        <translation>约需 {need}，可用 {available}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>needs about {need} but only {available} is available: loading may swap or fail (use a smaller context or model)</source>
        <translation>约需 {need}，但只有 {available} 可用：加载可能会使用交换区或失败（请用更小的上下文或模型）</translation>
    </message>
    <message>
        <location filename="../../roadmap_desktop/ui/assistant/assistant_panel.py" line="-38"/>
        <source>{count} parts of the model&apos;s output were left out (details in the tooltip)</source>
        <translation>模型输出中有 {count} 处被略去（详情见提示）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>… and {count} more (details in the tooltip)</source>
        <translation>……另有 {count} 条（详情见提示）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopped early: complete items are kept.</source>
        <translation>已提前停止：完整的条目已保留。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Accept suggestion</source>
        <translation>接受建议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept {count} suggestions</source>
        <translation>接受 {count} 条建议</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not accept: {error}</source>
        <translation>无法接受：{error}</translation>
    </message>
    <message>
        <location filename="../../roadmap_desktop/ui/assistant/model_picker.py" line="+34"/>
        <source>Could not remember settings: {error}</source>
        <translation>无法保存设置：{error}</translation>
    </message>
</context>
<context>
    <name>CalculatorTab</name>
    <message>
        <location filename="../../roadmap_desktop/ui/dialogs/calculators.py" line="+94"/>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Formula and assumptions</source>
        <translation>公式与假设</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Cannot compute: {error}</source>
        <translation>无法计算：{error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;The formula and assumptions show when the inputs are valid.&lt;/p&gt;</source>
        <translation>&lt;p&gt;输入有效时会显示公式与假设。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Assumptions</source>
        <translation>假设</translation>
    </message>
</context>
<context>
    <name>CalculatorsDialog</name>
    <message>
        <location line="-118"/>
        <source>Requirement</source>
        <translation>需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline item</source>
        <translation>时间线事项</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Model footprint</source>
        <translation>模型占用</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Training compute</source>
        <translation>训练算力</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Inference serving</source>
        <translation>推理服务</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Data split</source>
        <translation>数据划分</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Classification metrics</source>
        <translation>分类指标</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>AI Planning Calculators</source>
        <translation>AI 规划计算器</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Estimates for planning, not measurements. The tables are approximations; see each tab&apos;s assumptions.</source>
        <translation>用于规划的估算，而非实测。表中数值均为近似值；请查看各标签页的假设。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Attach to…</source>
        <translation>附加到…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Append this result as a note to a requirement&apos;s description or a timeline item&apos;s notes</source>
        <translation>将此结果作为备注追加到需求的描述或时间线事项的备注中</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Nothing to attach: the inputs are not valid.</source>
        <translation>没有可附加的内容：输入无效。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not attached: the {field} would be longer than {limit} characters.</source>
        <translation>未附加：{field}将超过 {limit} 个字符。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Attach {calculator}</source>
        <translation>附加{calculator}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not attached: {error}</source>
        <translation>未附加：{error}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attached to {noun} “{name}”.</source>
        <translation>已附加到{noun}“{name}”。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The project has no requirements or timeline items to attach to.</source>
        <translation>项目中没有可附加的需求或时间线事项。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Attach Result</source>
        <translation>附加结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Append the result as a note to:</source>
        <translation>将结果作为备注追加到：</translation>
    </message>
</context>
<context>
    <name>CopyMerge</name>
    <message>
        <location filename="../../roadmap_desktop/ui/live/copy_merge.py" line="+23"/>
        <source>Merge copy {0}</source>
        <translation>合并副本 {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That copy holds nothing this project lacks.</source>
        <translation>该副本没有本项目缺少的内容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Merged {0} changes from the copy (Edit &gt; Undo takes them back in one step).</source>
        <translation>已从副本合并 {0} 处更改（编辑 &gt; 撤销可一步撤回）。</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <location filename="../../roadmap_desktop/ui/dialogs/csv_import_dialog.py" line="+40"/>
        <source>— ignore —</source>
        <translation>— 忽略 —</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Import Requirements from CSV</source>
        <translation>从 CSV 导入需求</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{rows} data rows, {columns} columns, separated by {delimiter}. Choose which requirement field each column fills; columns set to “{ignore}” are left out. Row numbers are as a spreadsheet shows them (the header is row 1).</source>
        <translation>{rows} 行数据，{columns} 列，以{delimiter}分隔。请为每一列选择要填入的需求字段；设为“{ignore}”的列不会导入。行号与电子表格中显示的一致（表头为第 1 行）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First value</source>
        <translation>第一个值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import into</source>
        <translation>导入到</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+96"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Choose the column that holds the title.</source>
        <translation>请选择包含标题的列。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Row {row}: {message}</source>
        <translation>第 {row} 行：{message}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problems ({count})</source>
        <translation>问题（{count}）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problems (none)</source>
        <translation>问题（无）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ignored columns: {names}</source>
        <translation>忽略的列：{names}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import 1 requirement</source>
        <translation>导入 1 个需求</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import {count} requirements</source>
        <translation>导入 {count} 个需求</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Preview (first {shown} of {total} requirements)</source>
        <translation>预览（共 {total} 个需求，显示前 {shown} 个）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview ({total})</source>
        <translation>预览（{total}）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not import: {problem}</source>
        <translation>无法导入：{problem}</translation>
    </message>
</context>
<context>
    <name>DataSplitTab</name>
    <message>
        <location filename="../../roadmap_desktop/ui/dialogs/calculators.py" line="-130"/>
        <source> examples</source>
        <translation> 条样本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total</source>
        <translation>总数</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../../roadmap_desktop/ui/editors/details_panel.py" line="+45"/>
        <source>Linked requirements</source>
        <translation>关联的需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linked timeline items</source>
        <translation>关联的时间线事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linked risks</source>
        <translation>关联的风险</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Select a row to see and edit its details.</source>
        <translation>选择一行以查看和编辑其详细信息。</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>One per line</source>
        <translation>每行一项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One per line, as name: number</source>
        <translation>每行一项，格式为 名称: 数值</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Link {kind}</source>
        <translation>关联{kind}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unlink {kind}</source>
        <translation>取消关联{kind}</translation>
    </message>
</context>
<context>
    <name>DocumentController</name>
    <message>
        <location filename="../../roadmap_desktop/ui/document_controller.py" line="+92"/>
        <source>“{name}” has unsaved changes.
Save them before closing?</source>
        <translation>“{name}”有未保存的更改。
关闭前要保存吗？</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New project</source>
        <translation>新项目</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>New project from template: {name}</source>
        <translation>已从模板新建项目：{name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Converted from file format version {version}; the file is unchanged until you save, and saving keeps the original as {backup}.</source>
        <translation>已从文件格式版本 {version} 转换；保存之前文件保持不变，保存时原文件会保留为 {backup}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Opened {path}</source>
        <translation>已打开 {path}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Save Project As</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Your changes are still open. Use Save As to save them under another name.</source>
        <translation>您的更改仍然保留在窗口中。请使用“另存为”以其他名称保存。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your changes are still open. Free some space, or use Save As to choose another folder.</source>
        <translation>您的更改仍然保留在窗口中。请释放一些空间，或使用“另存为”选择其他文件夹。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot save project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Saved {path}; the file format version {version} original is kept as {backup}</source>
        <translation>已保存 {path}；文件格式版本 {version} 的原文件保留为 {backup}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not remember recent files: {problem}</source>
        <translation>无法记录最近的文件：{problem}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No recent projects</source>
        <translation>没有最近的项目</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear List</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Autosave failed: {problem}</source>
        <translation>自动保存失败：{problem}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot recover project</source>
        <translation>无法恢复项目</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Recovered unsaved work. Save it to keep it.</source>
        <translation>已恢复未保存的工作。请保存以保留它。</translation>
    </message>
</context>
<context>
    <name>EntityEditor</name>
    <message>
        <location filename="../../roadmap_desktop/ui/editors/entity_editor.py" line="+41"/>
        <source>Filter requirements…</source>
        <translation>筛选需求…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add requirement</source>
        <translation>添加需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a requirement (Ctrl+Shift+N)</source>
        <translation>添加一个需求（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{total} requirements</source>
        <translation>{total} 个需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{shown} of {total} requirements</source>
        <translation>显示 {shown} / {total} 个需求</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter timeline items…</source>
        <translation>筛选时间线事项…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add timeline item</source>
        <translation>添加时间线事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a timeline item (Ctrl+Shift+N)</source>
        <translation>添加一个时间线事项（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{total} timeline items</source>
        <translation>{total} 个时间线事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{shown} of {total} timeline items</source>
        <translation>显示 {shown} / {total} 个时间线事项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter risks…</source>
        <translation>筛选风险…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add risk</source>
        <translation>添加风险</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a risk (Ctrl+Shift+N)</source>
        <translation>添加一个风险（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{total} risks</source>
        <translation>{total} 个风险</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{shown} of {total} risks</source>
        <translation>显示 {shown} / {total} 个风险</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter lanes…</source>
        <translation>筛选泳道…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add lane</source>
        <translation>添加泳道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a lane (Ctrl+Shift+N)</source>
        <translation>添加一个泳道（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{total} lanes</source>
        <translation>{total} 个泳道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{shown} of {total} lanes</source>
        <translation>显示 {shown} / {total} 个泳道</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate the selected rows (Ctrl+D)</source>
        <translation>复制所选行（Ctrl+D）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected rows and their links (Delete)</source>
        <translation>删除所选行及其关联（Delete）</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../roadmap_desktop/ui/field_labels.py" line="+13"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vision / description</source>
        <translation>愿景 / 描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product brief</source>
        <translation>产品简介</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Domain</source>
        <translation>领域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Executive summary</source>
        <translation>执行摘要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prioritisation framework</source>
        <translation>优先级排序框架</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weighted-scoring criteria (name: weight)</source>
        <translation>加权评分标准（名称: 权重）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MoSCoW</source>
        <translation>MoSCoW</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effort (weeks)</source>
        <translation>工作量（周）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reach</source>
        <translation>覆盖面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impact</source>
        <translation>影响</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confidence %</source>
        <translation>信心 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value (1-10)</source>
        <translation>价值（1-10）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ICE impact</source>
        <translation>ICE 影响</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ICE confidence</source>
        <translation>ICE 信心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ICE ease</source>
        <translation>ICE 易行度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WSJF business value</source>
        <translation>WSJF 业务价值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WSJF time criticality</source>
        <translation>WSJF 时间紧迫性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WSJF risk reduction</source>
        <translation>WSJF 风险降低</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WSJF job size</source>
        <translation>WSJF 工作规模</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Criteria scores</source>
        <translation>标准得分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Votes</source>
        <translation>票数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value lever</source>
        <translation>价值杠杆</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LLM fit</source>
        <translation>LLM 适配度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description / user story</source>
        <translation>描述 / 用户故事</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acceptance criteria</source>
        <translation>验收标准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target users</source>
        <translation>目标用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pain points</source>
        <translation>痛点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Competitors</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LLM fit reason</source>
        <translation>LLM 适配理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linked risks</source>
        <translation>关联的风险</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linked timeline items</source>
        <translation>关联的时间线事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lane</source>
        <translation>泳道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration (days)</source>
        <translation>工期（天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pinned date</source>
        <translation>固定日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now / Next / Later</source>
        <translation>现在 / 下一步 / 以后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimistic (days)</source>
        <translation>乐观（天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pessimistic (days)</source>
        <translation>悲观（天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Depends on</source>
        <translation>依赖于</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Likelihood</source>
        <translation>可能性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review date</source>
        <translation>复查日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delay if it happens (days)</source>
        <translation>发生时的延误（天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mitigation</source>
        <translation>缓解措施</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exposure</source>
        <translation>风险值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Innovation</source>
        <translation>创新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User experience</source>
        <translation>用户体验</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iteration speed</source>
        <translation>迭代速度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit</source>
        <translation>适合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partial</source>
        <translation>部分适合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unfit</source>
        <translation>不适合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Idea</source>
        <translation>想法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropped</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blocked</source>
        <translation>受阻</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mitigating</source>
        <translation>缓解中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must have</source>
        <translation>必须有</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Should have</source>
        <translation>应该有</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could have</source>
        <translation>可以有</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Won&apos;t have</source>
        <translation>不会有</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>以后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RICE</source>
        <translation>RICE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ICE</source>
        <translation>ICE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WSJF</source>
        <translation>WSJF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value / effort</source>
        <translation>价值 / 工作量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weighted scoring</source>
        <translation>加权评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dot votes</source>
        <translation>点投票</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Requirement analysis</source>
        <translation>需求分析</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Technology selection</source>
        <translation>技术选型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data collection and preprocessing</source>
        <translation>数据收集与预处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resource allocation</source>
        <translation>资源分配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training and fine-tuning</source>
        <translation>模型训练与微调</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluation</source>
        <translation>模型评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deployment and tuning</source>
        <translation>部署与调优</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iteration and optimisation</source>
        <translation>产品迭代与优化</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>RICE = reach × impact (0-3) × confidence % ÷ effort (person-weeks)</source>
        <translation>RICE = 覆盖面 × 影响（0-3）× 信心 % ÷ 工作量（人周）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ICE = impact × confidence × ease (each 0-10, so 0-1000)</source>
        <translation>ICE = 影响 × 信心 × 易行度（各 0-10，即 0-1000）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WSJF = (business value + time criticality + risk reduction) ÷ job size (each 0-100)</source>
        <translation>WSJF =（业务价值 + 时间紧迫性 + 风险降低）÷ 工作规模（各 0-100）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MoSCoW: must &gt; should &gt; could &gt; won&apos;t; unset is not ranked; ties keep the list order</source>
        <translation>MoSCoW：必须有 &gt; 应该有 &gt; 可以有 &gt; 不会有；未设置的不参与排序；并列时保持列表顺序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value ÷ effort; quadrant: value ≥ 5 of 10 is high, effort above the median effort is high (quick win, big bet, fill-in, money pit)</source>
        <translation>价值 ÷ 工作量；象限：价值 ≥ 5（满分 10）为高，工作量高于中位数为高（速赢、大投入、填充项、耗时陷阱）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Weighted = Σ (criterion weight × score 0-100) ÷ Σ weights, over the project&apos;s criteria</source>
        <translation>加权得分 = Σ（标准权重 × 得分 0-100）÷ Σ 权重，按本项目的评分标准计算</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dot votes: the workshop&apos;s votes per requirement, most first</source>
        <translation>点投票：按工作坊中每个需求得到的票数排序，票多者在前</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edit {field}</source>
        <translation>编辑{field}</translation>
    </message>
</context>
<context>
    <name>FootprintTab</name>
    <message>
        <location filename="../../roadmap_desktop/ui/dialogs/calculators.py" line="-171"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> B</source>
        <translation> B</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} ({bits} bits)</source>
        <translation>{name}（{bits} 位）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> tokens</source>
        <translation> 个 token</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not given</source>
        <translation>未指定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RAM (CPU)</source>
        <translation>内存（CPU）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VRAM (GPU)</source>
        <translation>显存（GPU）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model preset</source>
        <translation>模型预设</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KV heads</source>
        <translation>KV 头数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head dimension</source>
        <translation>头维度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Context length</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KV cache type</source>
        <translation>KV 缓存类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Machine memory</source>
        <translation>机器内存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory kind</source>
        <translation>内存类型</translation>
    </message>
</context>
<context>
    <name>ForecastPanel</name>
    <message>
        <location filename="../../roadmap_desktop/ui/timeline/forecast_panel.py" line="+68"/>
        <source>The forecast failed: {problem}</source>
        <translation>预测失败：{problem}</translation>
    </message>
    <message>
        <location line="+92"/>
        <location line="+79"/>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>P80: 8 in 10 simulated runs finish by this date. Durations vary between each item&apos;s optimistic and pessimistic days; linked risks add their delay with their likelihood.</source>
        <translation>P80：10 次模拟中有 8 次在此日期前完成。每个事项的工期在其乐观天数与悲观天数之间变化；关联的风险按其可能性增加延误。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>{runs} runs · seed {seed}</source>
        <translation>{runs} 次模拟 · 种子 {seed}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No scheduled items yet.</source>
        <translation>还没有已排期的事项。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Whole roadmap: planned {planned} · &lt;b&gt;P50 {p50}&lt;/b&gt; · &lt;b&gt;P80 {p80}&lt;/b&gt; · P90 {p90}</source>
        <translation>整个路线图：计划 {planned} · &lt;b&gt;P50 {p50}&lt;/b&gt; · &lt;b&gt;P80 {p80}&lt;/b&gt; · P90 {p90}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“{item}” starts before “{other}” ends</source>
        <translation>“{item}”在“{other}”结束之前就开始了</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (and {count} more)</source>
        <translation>（另有 {count} 项）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>; the forecast lets it wait. Auto-schedule moves it.</source>
        <translation>；预测中它会等待。自动排期会移动它。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Whole roadmap</source>
        <translation>整个路线图</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>1 linked risk</source>
        <translation>1 个关联风险</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{count} linked risks</source>
        <translation>{count} 个关联风险</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>slack 1 day</source>
        <translation>浮动时间 1 天</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>slack {count} days</source>
        <translation>浮动时间 {count} 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;{item}&lt;/b&gt;: planned end {planned}, P50 {p50}, P80 {p80}, P90 {p90}; {risks}; {slack}</source>
        <translation>&lt;b&gt;{item}&lt;/b&gt;：计划结束 {planned}，P50 {p50}，P80 {p80}，P90 {p90}；{risks}；{slack}</translation>
    </message>
</context>
<context>
    <name>GuestLock</name>
    <message>
        <location filename="../../roadmap_desktop/ui/live/room_control.py" line="+50"/>
        <source>The facilitator has locked editing: you can follow along, not change anything.</source>
        <translation>主持人已锁定编辑：你可以跟着看，但不能修改。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The room has ended. This is your own copy now: File &gt; Save As… keeps it.</source>
        <translation>房间已结束。现在这是你自己的副本：用“文件 &gt; 另存为…”保存它。</translation>
    </message>
</context>
<context>
    <name>GuidedFlowBar</name>
    <message>
        <location filename="../../roadmap_desktop/ui/workshop/step_bar.py" line="+96"/>
        <source>Edit the brief…</source>
        <translation>编辑简报…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft with the assistant</source>
        <translation>用助手起草</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start dot voting…</source>
        <translation>开始点投票…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-schedule</source>
        <translation>自动排期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add risks from the library…</source>
        <translation>从风险库添加风险…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous step ({key})</source>
        <translation>上一步（{key}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next step ({key})</source>
        <translation>下一步（{key}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left in this step; click to start or pause</source>
        <translation>本步骤剩余时间；单击开始或暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes for this step (remembered)</source>
        <translation>本步骤的分钟数（会被记住）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start this step&apos;s time again</source>
        <translation>重新开始本步骤计时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Present</source>
        <translation>演示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full-screen presenter view for the projector (F5)</source>
        <translation>投影用的全屏演示视图（F5）</translation>
    </message>
    <message>
        <location line="+222"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause the clock</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start the clock</source>
        <translation>开始计时</translation>
    </message>
</context>
<context>
    <name>HistogramView</name>
    <message>
        <location filename="../../roadmap_desktop/ui/timeline/forecast_panel.py" line="-226"/>
        <source>No forecast yet</source>
        <translation>尚无预测</translation>
    </message>
</context>
<context>
    <name>InterchangeActions</name>
    <message>
        <location filename="../../roadmap_desktop/ui/interchange_actions.py" line="+75"/>
        <source>&amp;Markdown…</source>
        <translation>&amp;Markdown…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Requirements as CSV…</source>
        <translation>需求 CSV(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Timeline Items as CSV…</source>
        <translation>时间线事项 CSV(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ris&amp;ks as CSV…</source>
        <translation>风险 CSV(&amp;K)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mermaid &amp;Gantt…</source>
        <translation>Mermaid 甘特图(&amp;G)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project &amp;JSON…</source>
        <translation>项目 &amp;JSON…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MS Project &amp;XML…</source>
        <translation>MS Project &amp;XML…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>i&amp;Calendar…</source>
        <translation>i&amp;Calendar 日历…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jir&amp;a CSV…</source>
        <translation>Jir&amp;a CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Linear CSV…</source>
        <translation>&amp;Linear CSV…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>baselines</source>
        <translation>基线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>custom task fields</source>
        <translation>自定义任务字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finish-to-finish links</source>
        <translation>完成-完成依赖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>links of a task to itself</source>
        <translation>任务指向自身的依赖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>links of an unknown type</source>
        <translation>未知类型的依赖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>links of summary tasks</source>
        <translation>摘要任务的依赖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>links to missing tasks</source>
        <translation>指向不存在任务的依赖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>links to summary tasks</source>
        <translation>指向摘要任务的依赖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nested summary tasks, flattened</source>
        <translation>嵌套的摘要任务（已展平）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outline codes</source>
        <translation>大纲代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resource vacations</source>
        <translation>资源休假</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>start-to-finish links</source>
        <translation>开始-完成依赖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>start-to-start links</source>
        <translation>开始-开始依赖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tasks with a repeated id</source>
        <translation>编号重复的任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>timephased data</source>
        <translation>分时数据</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>, </source>
        <comment>between the parts an import left out</comment>
        <translation>；</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not imported: {parts}</source>
        <translation>未导入：{parts}</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Import Requirements from &amp;CSV…</source>
        <translation>从 CSV 导入需求(&amp;C)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add requirements from a spreadsheet or issue-tracker export</source>
        <translation>从电子表格或缺陷跟踪系统的导出文件添加需求</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import Plan from &amp;GanttProject or MS Project…</source>
        <translation>从 &amp;GanttProject 或 MS Project 导入计划…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add the lanes and tasks of a .gan or MS Project XML file as one undoable step</source>
        <translation>把 .gan 或 MS Project XML 文件中的泳道和任务作为一个可撤销的步骤添加进来</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Export {what}</source>
        <translation>导出{what}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not export to {path}:
{problem}</source>
        <translation>无法导出到 {path}：
{problem}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exported {name}</source>
        <translation>已导出 {name}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Import Requirements from CSV</source>
        <translation>从 CSV 导入需求</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+30"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Import Plan</source>
        <translation>导入计划</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plans (*.gan *.xml);;GanttProject (*.gan);;MS Project XML (*.xml);;All files (*)</source>
        <translation>计划文件 (*.gan *.xml);;GanttProject (*.gan);;MS Project XML (*.xml);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{name} holds no tasks to import</source>
        <translation>{name} 中没有可导入的任务</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Imported {items} items and {lanes} new lanes from {name}</source>
        <translation>已从 {name} 导入 {items} 个时间线条目和 {lanes} 条新泳道</translation>
    </message>
</context>
<context>
    <name>LanesDialog</name>
    <message>
        <location filename="../../roadmap_desktop/ui/dialogs/lanes_dialog.py" line="+16"/>
        <source>Timeline Lanes</source>
        <translation>时间线泳道</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lanes group timeline items (by phase, team or theme). Capacity is how many items may run at once in a lane; leave it empty for no limit. Deleting a lane leaves its items without a lane. Every change can be undone.</source>
        <translation>泳道按阶段、团队或主题对时间线事项分组。容量是一个泳道中可同时进行的事项数；留空表示不限。删除泳道后，其中的事项将不属于任何泳道。每项更改都可以撤销。</translation>
    </message>
</context>
<context>
    <name>LiveActions</name>
    <message>
        <location filename="../../roadmap_desktop/ui/live/live_actions.py" line="+103"/>
        <source>Share &amp;Live…</source>
        <translation>实时共享(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Let others on the local network edit this project with you</source>
        <translation>让局域网中的其他人与你一起编辑此项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Join Live…</source>
        <translation>加入实时协作(&amp;J)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit a project someone shares live on the local network</source>
        <translation>编辑局域网中他人实时共享的项目</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+7"/>
        <source>Share Live</source>
        <translation>实时共享</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Listen on (0.0.0.0: the local network):</source>
        <translation>监听地址（0.0.0.0：局域网）：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Port (others type it after the address):</source>
        <translation>端口（其他人在地址后输入）：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Port {0} is in use (another room or server?): choose another.</source>
        <translation>端口 {0} 已被占用（另一个房间或服务器？）：请换一个。</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+3"/>
        <source>Join Live</source>
        <translation>加入实时协作</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Address (host:port):</source>
        <translation>地址（主机:端口）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Join code:</source>
        <translation>加入码：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That room has ended.</source>
        <translation>该房间已结束。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The room refused the join code.</source>
        <translation>房间拒绝了该加入码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not join: {0}</source>
        <translation>无法加入：{0}</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>End Room</source>
        <translation>结束房间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End the room for everyone? Each guest keeps a copy of the project; your file is saved.</source>
        <translation>为所有人结束房间？每位来宾保留一份项目副本；你的文件已保存。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>You ended the room; the file is saved.</source>
        <translation>你已结束房间；文件已保存。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <source>The room has ended.</source>
        <translation>房间已结束。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>You ended the room.</source>
        <translation>你已结束房间。</translation>
    </message>
</context>
<context>
    <name>LivePanel</name>
    <message>
        <location line="-186"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock editing (guests can only look)</source>
        <translation>锁定编辑（来宾只能查看）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End Room…</source>
        <translation>结束房间…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End the room for everyone; each guest keeps a copy</source>
        <translation>为所有人结束房间；每位来宾保留一份副本</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+7"/>
        <source>someone</source>
        <translation>某人</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../roadmap_desktop/ui/document_controller.py" line="-268"/>
        <source>Roadmap projects (*.roadmap);;All files (*)</source>
        <translation>路线图项目 (*.roadmap);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../roadmap_desktop/ui/main_window.py" line="+143"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;New Project</source>
        <translation>新建项目(&amp;N)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start an empty project</source>
        <translation>新建一个空项目</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New from &amp;Template…</source>
        <translation>从模板新建(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a project from a ready-made AI-product template (English or Chinese)</source>
        <translation>从现成的 AI 产品模板（英文或中文）新建项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open a .roadmap file</source>
        <translation>打开 .roadmap 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save under a new name</source>
        <translation>以新名称保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project &amp;Properties…</source>
        <translation>项目属性(&amp;P)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name, vision, language and domain</source>
        <translation>名称、愿景、语言和领域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add Row</source>
        <translation>添加行(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uplicate</source>
        <translation>复制(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filter…</source>
        <translation>筛选(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lanes…</source>
        <translation>泳道(&amp;L)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add, rename or remove timeline lanes</source>
        <translation>添加、重命名或删除时间线泳道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dot &amp;Voting…</source>
        <translation>点投票(&amp;V)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run a dot vote on the requirements</source>
        <translation>对需求进行点投票</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Merge Project…</source>
        <translation>合并项目(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add requirements and risks from another .roadmap file</source>
        <translation>从另一个 .roadmap 文件添加需求和风险</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Auto-&amp;schedule</source>
        <translation>自动排期(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place items by dependencies, lane capacity and pinned dates (one undo step)</source>
        <translation>按依赖、泳道容量和固定日期安排事项（一步即可撤销）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About Roadmap Desktop</source>
        <translation>关于 Roadmap Desktop(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add from &amp;Library…</source>
        <translation>从风险库添加(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add common AI-startup risks from the bundled library</source>
        <translation>从内置风险库添加 AI 创业公司的常见风险</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pre&amp;ferences…</source>
        <translation>首选项(&amp;F)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Interface language and other settings</source>
        <translation>界面语言及其他设置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Value / Effort Chart</source>
        <translation>价值 / 工作量图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the value / effort chart above the requirements table</source>
        <translation>在需求表上方显示价值 / 工作量图</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timeline &amp;Image (PNG)…</source>
        <translation>时间线图片 (PNG)(&amp;I)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The timeline as a picture</source>
        <translation>将时间线保存为图片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roadmap &amp;PDF…</source>
        <translation>路线图 &amp;PDF…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A roadmap to share and print</source>
        <translation>用于分享和打印的路线图</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>AI Planning &amp;Calculators…</source>
        <translation>AI 规划计算器(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model footprint, compute, serving cost, metrics</source>
        <translation>模型占用、算力、推理服务成本、评估指标</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Guided Workshop</source>
        <translation>引导式工作坊(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A step bar with a timer per step for a facilitated workshop</source>
        <translation>用于主持工作坊的步骤栏，每个步骤都有计时器</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Presenter View</source>
        <translation>演示视图(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full screen, large type, high contrast, for the projector (Esc leaves)</source>
        <translation>全屏、大字号、高对比度，适合投影仪（按 Esc 退出）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>From Library…</source>
        <translation>从风险库…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guided Workshop</source>
        <translation>引导式工作坊</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Accepted {count} suggestion(s); Edit &gt; Undo takes them back in one step</source>
        <translation>已采纳 {count} 条建议；“编辑 &gt; 撤销”可一步撤回</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+224"/>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location line="-201"/>
        <location line="+202"/>
        <source>Prioritisation</source>
        <translation>优先级排序</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>Merge Project</source>
        <translation>合并项目</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> (Edit &gt; Undo takes it back in one step)</source>
        <translation>（“编辑 &gt; 撤销”可一步撤回）</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Requirements</source>
        <translation>需求(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Timeline</source>
        <translation>时间线(&amp;T)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ris&amp;ks</source>
        <translation>风险(&amp;K)</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>Added {count} risk(s) from the library; Edit &gt; Undo takes them back in one step</source>
        <translation>已从风险库添加 {count} 个风险；“编辑 &gt; 撤销”可一步撤回</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+5"/>
        <source>Auto-schedule</source>
        <translation>自动排期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot schedule: {problem}.
Remove one of these dependencies.</source>
        <translation>无法排期：{problem}。
请删除其中一个依赖。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Auto-schedule moved 1 item</source>
        <translation>自动排期移动了 1 个事项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Auto-schedule moved {count} items</source>
        <translation>自动排期移动了 {count} 个事项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; finishes {date}</source>
        <translation>；{date} 完成</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{summary}. {count} conflict(s): {first}</source>
        <translation>{summary}。{count} 处冲突：{first}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (Edit &gt; Undo restores the dates)</source>
        <translation>（“编辑 &gt; 撤销”可恢复日期）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{requirements} requirements · {items} timeline items · {risks} risks</source>
        <translation>{requirements} 个需求 · {items} 个时间线事项 · {risks} 个风险</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Edit project properties</source>
        <translation>编辑项目属性</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Project Properties</source>
        <translation>项目属性</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>About {app}</source>
        <translation>关于 {app}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An offline product-roadmap planner for AI startups.&lt;br&gt;Your projects stay on this computer.</source>
        <translation>面向 AI 创业公司的离线产品路线图规划工具。&lt;br&gt;您的项目只保存在这台电脑上。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../roadmap_desktop/ui/dialogs/merge_dialog.py" line="+35"/>
        <source>Requirements</source>
        <translation>需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risks</source>
        <translation>风险</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+124"/>
        <source>Merge Project</source>
        <translation>合并项目</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>1 requirement</source>
        <translation>1 个需求</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} requirements</source>
        <translation>{count} 个需求</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 risk</source>
        <translation>1 个风险</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{count} risks</source>
        <translation>{count} 个风险</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timeline items are never merged.</source>
        <translation>时间线事项不会被合并。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its 1 timeline item is not merged.</source>
        <translation>其中的 1 个时间线事项不会被合并。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its {count} timeline items are not merged.</source>
        <translation>其中的 {count} 个时间线事项不会被合并。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{requirements}, {risks}. </source>
        <translation>{requirements}，{risks}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duplicates and similar titles start unchecked. Links from a merged requirement to a merged risk are kept; links to anything not merged are dropped. </source>
        <translation>重复项和标题相似的条目默认不勾选。已合并的需求与已合并的风险之间的关联会保留；指向未合并内容的关联会被删除。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Incoming</source>
        <translation>导入的条目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Compared with this project</source>
        <translation>与本项目对比</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Check new only</source>
        <translation>只勾选新条目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check all</source>
        <translation>全部勾选</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Uncheck all</source>
        <translation>全部取消勾选</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+68"/>
        <source>Merge selected</source>
        <translation>合并所选</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>another project</source>
        <translation>另一个项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge 1 item from {name}</source>
        <translation>从 {name} 合并 1 项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Merge {count} items from {name}</source>
        <translation>从 {name} 合并 {count} 项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not merge: {error}</source>
        <translation>无法合并：{error}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Merge 1 item</source>
        <translation>合并 1 项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge {count} items</source>
        <translation>合并 {count} 项</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>1 link from checked requirements to unchecked risks will be dropped.</source>
        <translation>已勾选需求指向未勾选风险的 1 个关联将被删除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} links from checked requirements to unchecked risks will be dropped.</source>
        <translation>已勾选需求指向未勾选风险的 {count} 个关联将被删除。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>new</source>
        <translation>新条目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>duplicate of “{title}”</source>
        <translation>与“{title}”重复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>similar to “{title}”</source>
        <translation>与“{title}”相似</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>risks: {names}</source>
        <translation>风险：{names}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exposure {exposure} ({likelihood}×{impact})</source>
        <translation>风险值 {exposure}（{likelihood}×{impact}）</translation>
    </message>
</context>
<context>
    <name>MetricsTab</name>
    <message>
        <location filename="../../roadmap_desktop/ui/dialogs/calculators.py" line="+158"/>
        <source>not given</source>
        <translation>未指定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>True positives (TP)</source>
        <translation>真阳性（TP）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>False positives (FP)</source>
        <translation>假阳性（FP）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>False negatives (FN)</source>
        <translation>假阴性（FN）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>True negatives (TN)</source>
        <translation>真阴性（TN）</translation>
    </message>
</context>
<context>
    <name>NowNextLaterBoard</name>
    <message>
        <location filename="../../roadmap_desktop/ui/timeline/board.py" line="+57"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>以后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsorted</source>
        <translation>未分类</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>No lane</source>
        <translation>无泳道</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>not scheduled</source>
        <translation>未排期</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Dated items sit by their start date (Now: within {now} days, Next: within {next}) until you drag them; double-click opens an item.</source>
        <translation>有日期的条目按开始日期归列（现在：{now} 天内，下一步：{next} 天内），拖动后以你选的列为准；双击打开条目。</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Placed by its start date; drag it to choose its column</source>
        <translation>按开始日期归列；拖动即可自选列</translation>
    </message>
</context>
<context>
    <name>PdfExportDialog</name>
    <message>
        <location filename="../../roadmap_desktop/ui/dialogs/pdf_export_dialog.py" line="+43"/>
        <source>Title page and summary</source>
        <translation>标题页与摘要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One-page summary (a single landscape page)</source>
        <translation>一页摘要（单张横向页面）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+244"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location line="-243"/>
        <source>Forecast, drivers of delay and critical path</source>
        <translation>预测、延期原因与关键路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now / Next / Later</source>
        <translation>现在 / 下一步 / 以后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prioritised requirements</source>
        <translation>排序后的需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk heat map and register</source>
        <translation>风险热力图与风险登记表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fit on one page</source>
        <translation>缩放到一页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split across pages by date</source>
        <translation>按日期分页</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+96"/>
        <location line="+211"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="-295"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Export Roadmap PDF</source>
        <translation>导出路线图 PDF</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>How the timeline is laid out: scaled onto one page, or sliced by months</source>
        <translation>时间线的排版方式：缩放到一页，或按月份切分</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Whole project</source>
        <translation>整个项目</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The date printed on every page and marked on the timeline</source>
        <translation>印在每一页上并在时间线上标出的日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Page</source>
        <translation>页面</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page size</source>
        <translation>纸张大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orientation</source>
        <translation>方向</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dates</source>
        <translation>日期范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As of</source>
        <translation>截至日期</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Choose where to save the PDF.</source>
        <translation>请选择 PDF 的保存位置。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+74"/>
        <source>Writing {name}…</source>
        <translation>正在写入 {name}…</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export cancelled; nothing was written.</source>
        <translation>导出已取消；未写入任何内容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+96"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>Save Roadmap PDF</source>
        <translation>保存路线图 PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Export Timeline Image</source>
        <translation>导出时间线图片</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../roadmap_desktop/ui/dialogs/preferences_dialog.py" line="+29"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Menus, buttons and messages. A project&apos;s own language (Project Properties) decides the language of its field choices, templates and exports.</source>
        <translation>菜单、按钮和提示信息的语言。项目本身的语言（项目属性）决定字段选项、模板和导出内容的语言。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Interface &amp;language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>PresenterView</name>
    <message>
        <location filename="../../roadmap_desktop/ui/workshop/presenter.py" line="+92"/>
        <location line="+119"/>
        <source>Presenter View</source>
        <translation>演示视图</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>Presenter view</source>
        <translation>演示视图</translation>
    </message>
</context>
<context>
    <name>ProjectPropertiesDialog</name>
    <message>
        <location filename="../../roadmap_desktop/ui/dialogs/project_properties.py" line="+22"/>
        <source>Project Properties</source>
        <translation>项目属性</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the product is, for whom, and why now</source>
        <translation>产品是什么、为谁而做、为什么是现在</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What you build, for whom, and the problem it solves: the assistant drafts from it</source>
        <translation>你要做什么、为谁而做、解决什么问题：助手据此起草</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. intelligent customer service</source>
        <translation>例如：智能客服</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vision</source>
        <translation>愿景</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product brief</source>
        <translation>产品简介</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project language</source>
        <translation>项目语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Domain</source>
        <translation>领域</translation>
    </message>
</context>
<context>
    <name>RankingView</name>
    <message>
        <location filename="../../roadmap_desktop/ui/editors/ranking_view.py" line="+47"/>
        <source>Criteria and weights (one per line, name: weight):</source>
        <translation>评分标准和权重（每行一项，名称: 权重）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revenue: 3
Strategic fit: 2
Cost to serve: 1</source>
        <translation>收入: 3
战略契合度: 2
服务成本: 1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Requirement</source>
        <translation>需求</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How it was scored</source>
        <translation>评分依据</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Framework:</source>
        <translation>框架：</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Prioritise by {framework}</source>
        <translation>按 {framework} 排序</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Edit scoring criteria</source>
        <translation>编辑评分标准</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{scored} of {total} ranked by {framework}</source>
        <translation>按 {framework} 排序：{total} 个中已评分 {scored} 个</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; {count} need inputs (listed last)</source>
        <translation>；{count} 个缺少输入（列在最后）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; {count} dropped not shown</source>
        <translation>；{count} 个已放弃（未显示）</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <location filename="../../roadmap_desktop/ui/dialogs/recovery.py" line="+14"/>
        <source>an unknown time</source>
        <translation>未知时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Its file: {path}</source>
        <translation>其文件：{path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It had never been saved to a file.</source>
        <translation>它从未保存到文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recover unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roadmap Desktop closed before “{name}” was saved.</source>
        <translation>Roadmap Desktop 在“{name}”保存之前关闭了。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A recovery copy from {when} is available.
{where}

Recover it?</source>
        <translation>有一份 {when} 的恢复副本。
{where}

要恢复吗？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recover</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not Now</source>
        <translation>以后再说</translation>
    </message>
</context>
<context>
    <name>RiskHeatMap</name>
    <message>
        <location filename="../../roadmap_desktop/ui/editors/risk_heat_map.py" line="+49"/>
        <source>Risk heat map</source>
        <translation>风险热力图</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Count Closed Risks</source>
        <translation>统计已关闭的风险</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show All Risks</source>
        <translation>显示所有风险</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the heat-map filter (Esc)</source>
        <translation>清除热力图筛选（Esc）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
</context>
<context>
    <name>RiskLibraryDialog</name>
    <message>
        <location filename="../../roadmap_desktop/ui/dialogs/risk_library_dialog.py" line="+66"/>
        <source>Add Risks from Library</source>
        <translation>从风险库添加风险</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Search titles, descriptions, categories, mitigations (English or 中文)…</source>
        <translation>搜索标题、描述、类别、缓解措施（中文或 English）…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Check All Shown</source>
        <translation>勾选全部显示项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Uncheck All</source>
        <translation>全部取消勾选</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+120"/>
        <source>Add Selected</source>
        <translation>添加所选</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>{shown} of {total} shown</source>
        <translation>显示 {shown} / {total} 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{total} risks</source>
        <translation>{total} 个风险</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{shown} · {checked} checked</source>
        <translation>{shown} · 已勾选 {checked} 个</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add {count} Selected</source>
        <translation>添加所选的 {count} 个</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No library risk matches. Clear the search or pick another category.</source>
        <translation>没有匹配的风险库条目。请清除搜索或选择其他类别。</translation>
    </message>
</context>
<context>
    <name>ServerMessages</name>
    <message>
        <location filename="../../roadmap_desktop/ui/assistant/server_messages.py" line="+26"/>
        <source>connection refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown host name</source>
        <translation>未知的主机名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no route to host</source>
        <translation>无法路由到该主机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>network is unreachable</source>
        <translation>网络不可达</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Local models still work: choose one in the model list.</source>
        <translation>本地模型仍可使用：在模型列表中选择一个。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no answer within {seconds} s</source>
        <translation>{seconds} 秒内没有应答</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot reach the model server at {url}: {why}. Is a model server running there?</source>
        <translation>无法连接模型服务器 {url}：{why}。那台电脑上是否正在运行模型服务器？</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lost the connection to the model server at {url}: did it stop?</source>
        <translation>与模型服务器 {url} 的连接中断：服务器是否已停止？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The model server at {url} needs a key: type in Key the key that server was started with.</source>
        <translation>模型服务器 {url} 需要密钥：请在“密钥”中输入该服务器启动时使用的密钥。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The model server at {url} refused the key: type in Key the key that server was started with.</source>
        <translation>模型服务器 {url} 拒绝了该密钥：请在“密钥”中输入该服务器启动时使用的密钥。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The model server at {url} did not answer within {seconds} s: it may be busy with another laptop.</source>
        <translation>模型服务器 {url} 在 {seconds} 秒内没有应答：它可能正在为另一台电脑生成。</translation>
    </message>
</context>
<context>
    <name>ServingTab</name>
    <message>
        <location filename="../../roadmap_desktop/ui/dialogs/calculators.py" line="-60"/>
        <source> per day</source>
        <translation> 次/天</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source> tokens</source>
        <translation> 个 token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> tokens/s</source>
        <translation> token/秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> per GPU-hour</source>
        <translation> /GPU 小时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests</source>
        <translation>请求数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompt per request</source>
        <translation>每次请求的提示词</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output per request</source>
        <translation>每次请求的输出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peak factor</source>
        <translation>峰值系数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Throughput per GPU</source>
        <translation>每个 GPU 的吞吐量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
</context>
<context>
    <name>ShareLiveDialog</name>
    <message>
        <location filename="../../roadmap_desktop/ui/live/share_dialog.py" line="+19"/>
        <source>Share Live</source>
        <translation>实时共享</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;On a laptop:&lt;/b&gt; File &amp;gt; Join Live…, address &lt;b&gt;{0}&lt;/b&gt;, code &lt;b&gt;{1}&lt;/b&gt;</source>
        <translation>&lt;b&gt;电脑上：&lt;/b&gt;文件 &amp;gt; 加入实时协作…，地址 &lt;b&gt;{0}&lt;/b&gt;，加入码 &lt;b&gt;{1}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;b&gt;On a phone:&lt;/b&gt; scan this code, or open&lt;br&gt;{0}</source>
        <translation>&lt;b&gt;手机上：&lt;/b&gt;扫描这个二维码，或打开&lt;br&gt;{0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Phones cannot reach a room shared on this computer only: share on 0.0.0.0 to let them join.</source>
        <translation>只在本机共享的房间手机无法访问：在 0.0.0.0 上共享才能让手机加入。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../roadmap_desktop/ui/dialogs/shortcuts_dialog.py" line="+79"/>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter by command, menu or key</source>
        <translation>按命令、菜单或按键筛选</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>StartAndHelp</name>
    <message>
        <location filename="../../roadmap_desktop/ui/start_help.py" line="+55"/>
        <source>&amp;Start Page</source>
        <translation>开始页(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Templates, recent projects and the sample project</source>
        <translation>模板、最近的项目和示例项目</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;User Guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The manual shipped with the app (works offline)</source>
        <translation>随软件附带的使用手册（离线可用）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Every shortcut of this window</source>
        <translation>本窗口的全部快捷键</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>New project from template: {name}</source>
        <translation>已从模板新建项目：{name}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Opened the sample project; Save As keeps your own copy</source>
        <translation>已打开示例项目；用“另存为”保存你自己的副本</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Start Page</source>
        <translation>开始页</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../roadmap_desktop/ui/start_page.py" line="+177"/>
        <source>No recent projects</source>
        <translation>没有最近的项目</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Start a roadmap</source>
        <translation>开始规划路线图</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pick a template to begin with a filled-in plan you can change, open a project, or look around in the sample. Everything stays on this computer.</source>
        <translation>选一个模板，从一份可随时修改的完整计划开始；也可以打开已有项目，或先看看示例项目。所有数据都只保存在这台电脑上。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New from a template</source>
        <translation>从模板新建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content &amp;language:</source>
        <translation>内容语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Create Project</source>
        <translation>创建项目(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the &amp;Sample Project</source>
        <translation>打开示例项目(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A customer-service roadmap five weeks into its plan, in the content language</source>
        <translation>一份已进行五周的智能客服路线图，使用所选的内容语言</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Recent projects:</source>
        <translation>最近的项目(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the Current Project</source>
        <translation>返回当前项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the start page (Esc)</source>
        <translation>关闭开始页（Esc）</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>{requirements} requirements with estimated scores · {items} timeline items · {risks} risks</source>
        <translation>{requirements} 条需求（含估算评分）· {items} 个时间线条目 · {risks} 个风险</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the phase lanes P0–P7: start from scratch.</source>
        <translation>只有 P0–P7 阶段泳道：从零开始。</translation>
    </message>
</context>
<context>
    <name>SuggestionsModel</name>
    <message>
        <location filename="../../roadmap_desktop/ui/assistant/suggestions_model.py" line="+21"/>
        <source>library {id}</source>
        <translation>库 {id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>library</source>
        <translation>库</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>adapted from {id}</source>
        <translation>据 {id} 调整</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>new</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from the project&apos;s figures</source>
        <translation>来自项目数据</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Why: {text}</source>
        <translation>理由：{text}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Brief words it matches: {words}</source>
        <translation>与简介相符的词：{words}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Library entry {id}: its story, acceptance criteria, effort and scores come with it</source>
        <translation>库条目 {id}：用户故事、验收标准、工作量和评分随之带入</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not in the library: the model&apos;s own, kept because it shares the brief&apos;s words</source>
        <translation>不在库中：由模型提出，因与简介用词相符而保留</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../roadmap_desktop/ui/dialogs/template_dialog.py" line="+41"/>
        <location line="+186"/>
        <source>New from Template</source>
        <translation>从模板新建</translation>
    </message>
    <message>
        <location line="-173"/>
        <source>Content &amp;language:</source>
        <translation>内容语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Create Project</source>
        <translation>创建项目</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>Cannot create the project from this template.
{problem}</source>
        <translation>无法从此模板创建项目。
{problem}</translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message>
        <location filename="../../roadmap_desktop/ui/timeline/timeline_interaction.py" line="+206"/>
        <source>Add timeline item</source>
        <translation>添加时间线条目</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Nudge item</source>
        <translation>微调事项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nudge %1 items</source>
        <translation>微调 %1 个事项</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Dependency removed</source>
        <translation>已删除依赖</translation>
    </message>
    <message>
        <location filename="../../roadmap_desktop/ui/timeline/timeline_view.py" line="+422"/>
        <source>{count} d</source>
        <translation>{count} 天</translation>
    </message>
</context>
<context>
    <name>TimelineEdits</name>
    <message>
        <location filename="../../roadmap_desktop/ui/timeline/edits.py" line="+13"/>
        <source>Unsorted</source>
        <translation>未分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>以后</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Move item to lane {lane}</source>
        <translation>将事项移到泳道 {lane}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move {count} items to lane {lane}</source>
        <translation>将 {count} 个事项移到泳道 {lane}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move item</source>
        <translation>移动事项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move {count} items</source>
        <translation>移动 {count} 个事项</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+11"/>
        <source>Resize item</source>
        <translation>调整事项长度</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>An item cannot depend on itself.</source>
        <translation>事项不能依赖于自身。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{item}” already depends on “{other}”.</source>
        <translation>“{item}”已经依赖于“{other}”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refused: “{other}” already waits for “{item}”; the link would make a cycle.</source>
        <translation>已拒绝：“{other}”已在等待“{item}”；此依赖会形成循环。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add dependency</source>
        <translation>添加依赖</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{item}” now depends on “{other}”.</source>
        <translation>“{item}”现在依赖于“{other}”。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remove dependency</source>
        <translation>删除依赖</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Move item to {column}</source>
        <translation>将事项移到“{column}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move {count} items to {column}</source>
        <translation>将 {count} 个事项移到“{column}”</translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message>
        <location filename="../../roadmap_desktop/ui/tab_pages.py" line="+86"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now / Next / Later</source>
        <translation>现在 / 下一步 / 以后</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../roadmap_desktop/ui/timeline/timeline_view.py" line="+113"/>
        <source>Weeks</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Months</source>
        <translation>月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quarters</source>
        <translation>季度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom to %1 (Ctrl+wheel zooms around the mouse)</source>
        <translation>缩放到%1（Ctrl+滚轮以鼠标为中心缩放）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scroll to today</source>
        <translation>滚动到今天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour by</source>
        <translation>着色依据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lane</source>
        <translation>泳道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snap to weeks</source>
        <translation>按周对齐</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drags move and resize in whole weeks (hold Shift for the same while dragging)</source>
        <translation>拖动时按整周移动和调整长度（拖动时按住 Shift 效果相同）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>1 item not scheduled — see &lt;a href=&quot;board&quot;&gt;Now/Next/Later&lt;/a&gt;</source>
        <translation>1 个事项未排期 — 见&lt;a href=&quot;board&quot;&gt;现在/下一步/以后&lt;/a&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 items not scheduled — see &lt;a href=&quot;board&quot;&gt;Now/Next/Later&lt;/a&gt;</source>
        <translation>%1 个事项未排期 — 见&lt;a href=&quot;board&quot;&gt;现在/下一步/以后&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <location filename="../../roadmap_desktop/ui/dialogs/calculators.py" line="-64"/>
        <source> B</source>
        <translation> B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> B tokens</source>
        <translation> B token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Full (6 × N × D)</source>
        <translation>全量训练（6 × N × D）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA / QLoRA (≈ 4 × N × D)</source>
        <translation>LoRA / QLoRA（≈ 4 × N × D）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> TFLOPS</source>
        <translation> TFLOPS</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> per GPU-hour</source>
        <translation> /GPU 小时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training tokens</source>
        <translation>训练 token 数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peak throughput</source>
        <translation>峰值算力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utilisation (MFU)</source>
        <translation>利用率（MFU）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPUs</source>
        <translation>GPU 数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <location filename="../../roadmap_desktop/ui/dialogs/user_guide.py" line="+41"/>
        <source>User Guide</source>
        <translation>用户指南</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The user guide files are missing from this installation.</source>
        <translation>此安装中缺少用户指南文件。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot read {file}: {problem}</source>
        <translation>无法读取 {file}：{problem}</translation>
    </message>
</context>
<context>
    <name>VotingDialog</name>
    <message>
        <location filename="../../roadmap_desktop/ui/dialogs/voting_dialog.py" line="+48"/>
        <location line="+205"/>
        <location line="+151"/>
        <source>Dot Voting</source>
        <translation>点投票</translation>
    </message>
    <message>
        <location line="-338"/>
        <source>Each voter gets the same number of dots to place on the requirements they think matter most. A voter may put several dots on one requirement. Recording the votes replaces every requirement&apos;s Votes with this workshop&apos;s count (0 where nobody voted), as one undo step.</source>
        <translation>每位投票人拿到相同数量的点，投给他们认为最重要的需求。一个人可以把多个点投给同一个需求。记录投票会把每个需求的“票数”替换为本次工作坊的计票结果（无人投票的为 0），作为一个撤销步骤。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>One name per line</source>
        <translation>每行一个名字</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> dots</source>
        <translation> 个点</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There are no requirements to vote on (dropped ones are left out).</source>
        <translation>没有可投票的需求（已放弃的需求不参与）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 requirement on the board ({dropped} dropped left out).</source>
        <translation>投票板上有 1 个需求（{dropped} 个已放弃的未列入）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} requirements on the board ({dropped} dropped left out).</source>
        <translation>投票板上有 {count} 个需求（{dropped} 个已放弃的未列入）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 requirement on the board.</source>
        <translation>投票板上有 1 个需求。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{count} requirements on the board.</source>
        <translation>投票板上有 {count} 个需求。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Voters:</source>
        <translation>投票人：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dots per voter:</source>
        <translation>每人点数：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start voting</source>
        <translation>开始投票</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+75"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Requirement</source>
        <translation>需求</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your dots</source>
        <translation>你的点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Votes</source>
        <translation>票数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Live totals</source>
        <translation>实时统计</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Undo last dot</source>
        <translation>撤销上一个点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next voter ▶</source>
        <translation>下一位 ▶</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>◀ Voters</source>
        <translation>◀ 投票人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the voters or dots; starting again clears the dots cast</source>
        <translation>更改投票人或点数；重新开始会清除已投的点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rank requirements by dot votes</source>
        <translation>按点投票结果排序需求</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record votes</source>
        <translation>记录投票</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Could not record the votes: {error}</source>
        <translation>无法记录投票：{error}</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Take back a dot</source>
        <translation>收回一个点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Place a dot</source>
        <translation>投一个点</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{voter}: {marks}  {left} of {dots} dots left</source>
        <translation>{voter}：{marks}  剩余 {left} / {dots} 个点</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Undo {voter}&apos;s last dot</source>
        <translation>撤销{voter}的上一个点</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Record 1 vote</source>
        <translation>记录 1 票</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record {count} votes</source>
        <translation>记录 {count} 票</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Discard the {count} dots cast so far? They have not been recorded.</source>
        <translation>要丢弃目前已投的 {count} 个点吗？它们尚未被记录。</translation>
    </message>
</context>
</TS>
