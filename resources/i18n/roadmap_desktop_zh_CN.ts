<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AssistantPanel</name>
    <message>
        <location filename="../../roadmap_desktop/ui/assistant/assistant_panel.py" line="+121"/>
        <source>http://192.168.1.20:8080</source>
        <translation>http://192.168.1.20:8080</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The address `roadmap-desktop serve` printed on the server computer</source>
        <translation>服务器电脑上 `roadmap-desktop serve` 显示的地址</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+150"/>
        <source>Model server…</source>
        <translation>模型服务器…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A model served by `roadmap-desktop serve` on a computer of the local network</source>
        <translation>由局域网内另一台电脑上的 `roadmap-desktop serve` 提供的模型</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The address `roadmap-desktop serve` printed on the server computer; its settings apply.</source>
        <translation>服务器电脑上 `roadmap-desktop serve` 显示的地址；使用该服务器的设置。</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Connecting to {url}…</source>
        <translation>正在连接 {url}…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Using {model} on the model server {url}</source>
        <translation>正在使用模型服务器 {url} 上的 {model}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Using the model server {url}</source>
        <translation>正在使用模型服务器 {url}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loaded {name} · context {n_ctx} · {device}</source>
        <translation>已加载 {name} · 上下文 {n_ctx} · {device}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not load the model: {message}</source>
        <translation>无法加载模型：{message}</translation>
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
    <name>DetailsPanel</name>
    <message>
        <location filename="../../roadmap_desktop/ui/editors/details_panel.py" line="+41"/>
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
        <location line="+60"/>
        <source>One per line</source>
        <translation>每行一项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One per line, as name: number</source>
        <translation>每行一项，格式为 名称: 数值</translation>
    </message>
    <message>
        <location line="+115"/>
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
    <name>EntityEditor</name>
    <message>
        <location filename="../../roadmap_desktop/ui/editors/entity_editor.py" line="+38"/>
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
        <location line="+81"/>
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
    <name>ForecastPanel</name>
    <message>
        <location filename="../../roadmap_desktop/ui/timeline/forecast_panel.py" line="+76"/>
        <source>The forecast failed: {problem}</source>
        <translation>预测失败：{problem}</translation>
    </message>
    <message>
        <location line="+92"/>
        <location line="+69"/>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>P80: 8 in 10 simulated runs finish by this date. Durations vary between each item&apos;s optimistic and pessimistic days; linked risks add their delay with their likelihood.</source>
        <translation>P80：10 次模拟中有 8 次在此日期前完成。每个事项的工期在其乐观天数与悲观天数之间变化；关联的风险按其可能性增加延误。</translation>
    </message>
    <message>
        <location line="+56"/>
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
        <location line="+9"/>
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
    <name>GuidedFlowBar</name>
    <message>
        <location filename="../../roadmap_desktop/ui/workshop/step_bar.py" line="+93"/>
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
        <translation>开始圆点投票…</translation>
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
        <location line="+33"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes for this step (remembered)</source>
        <translation>本步骤的分钟数（会被记住）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start this step&apos;s time again</source>
        <translation>重新开始本步骤计时</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Present</source>
        <translation>演示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full-screen presenter view for the projector (F5)</source>
        <translation>投影用的全屏演示视图（F5）</translation>
    </message>
    <message>
        <location line="+177"/>
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
        <location filename="../../roadmap_desktop/ui/timeline/forecast_panel.py" line="-202"/>
        <source>No forecast yet</source>
        <translation>尚无预测</translation>
    </message>
</context>
<context>
    <name>InterchangeActions</name>
    <message>
        <location filename="../../roadmap_desktop/ui/interchange_actions.py" line="+54"/>
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
        <location line="+43"/>
        <source>Import Requirements from &amp;CSV…</source>
        <translation>从 CSV 导入需求(&amp;C)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add requirements from a spreadsheet or issue-tracker export</source>
        <translation>从电子表格或缺陷跟踪系统的导出文件添加需求</translation>
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
        <source>Import</source>
        <translation>导入</translation>
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
    <name>MainWindow</name>
    <message>
        <location filename="../../roadmap_desktop/ui/main_window.py" line="+51"/>
        <source>Roadmap projects (*.roadmap);;All files (*)</source>
        <translation>路线图项目 (*.roadmap);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <translation>圆点投票(&amp;V)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run a dot vote on the requirements</source>
        <translation>对需求进行圆点投票</translation>
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
        <location line="+7"/>
        <source>From Library…</source>
        <translation>从风险库…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Accepted {count} suggestion(s); Edit &gt; Undo takes them back in one step</source>
        <translation>已采纳 {count} 条建议；“编辑 &gt; 撤销”可一步撤回</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+149"/>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location line="-137"/>
        <location line="+138"/>
        <source>Prioritisation</source>
        <translation>优先级排序</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Merge Project</source>
        <translation>合并项目</translation>
    </message>
    <message>
        <location line="+79"/>
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
        <location line="+45"/>
        <source>No recent projects</source>
        <translation>没有最近的项目</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear List</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now / Next / Later</source>
        <translation>现在 / 下一步 / 以后</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Added {count} risk(s) from the library; Edit &gt; Undo takes them back in one step</source>
        <translation>已从风险库添加 {count} 个风险；“编辑 &gt; 撤销”可一步撤回</translation>
    </message>
    <message>
        <location line="+55"/>
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
        <location line="+48"/>
        <source>{requirements} requirements · {items} timeline items · {risks} risks</source>
        <translation>{requirements} 个需求 · {items} 个时间线事项 · {risks} 个风险</translation>
    </message>
    <message>
        <location line="+32"/>
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
        <location line="+10"/>
        <source>New project from template: {name}</source>
        <translation>已从模板新建项目：{name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Converted from file format version {version}; the original is kept as {backup}. Save to keep the conversion.</source>
        <translation>已从文件格式版本 {version} 转换；原文件保留为 {backup}。保存后转换才会生效。</translation>
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
        <location line="+16"/>
        <source>Cannot save project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{problem}

Your changes are still open. Free some space, or use Save As to choose another folder.</source>
        <translation>{problem}

您的更改仍然保留在窗口中。请释放一些空间，或使用“另存为”选择其他文件夹。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not remember recent files: {problem}</source>
        <translation>无法记录最近的文件：{problem}</translation>
    </message>
    <message>
        <location line="+12"/>
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
    <message>
        <location line="+12"/>
        <source>Autosave failed: {problem}</source>
        <translation>自动保存失败：{problem}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot recover project</source>
        <translation>无法恢复项目</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recovered unsaved work. Save it to keep it.</source>
        <translation>已恢复未保存的工作。请保存以保留它。</translation>
    </message>
</context>
<context>
    <name>NowNextLaterBoard</name>
    <message>
        <location filename="../../roadmap_desktop/ui/timeline/board.py" line="+51"/>
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
        <location line="+15"/>
        <source>not scheduled</source>
        <translation>未排期</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Show scheduled items too</source>
        <translation>同时显示已排期的事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off: only items without dates. On: every item.</source>
        <translation>关闭：只显示没有日期的事项。开启：显示所有事项。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Drag cards between columns to set Now / Next / Later; double-click opens an item.</source>
        <translation>在列之间拖动卡片可设为 现在 / 下一步 / 以后；双击打开事项。</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../roadmap_desktop/ui/dialogs/preferences_dialog.py" line="+28"/>
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
        <location filename="../../roadmap_desktop/ui/workshop/presenter.py" line="+166"/>
        <location line="+110"/>
        <source>Presenter View</source>
        <translation>演示视图</translation>
    </message>
    <message>
        <location line="-108"/>
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
        <location line="+6"/>
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
        <location filename="../../roadmap_desktop/ui/editors/ranking_view.py" line="+44"/>
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
        <location line="+32"/>
        <source>Prioritise by {framework}</source>
        <translation>按 {framework} 排序</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Edit scoring criteria</source>
        <translation>编辑评分标准</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location filename="../../roadmap_desktop/ui/editors/risk_heat_map.py" line="+88"/>
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
        <location filename="../../roadmap_desktop/ui/dialogs/risk_library_dialog.py" line="+92"/>
        <source>Add Risks from Library</source>
        <translation>从风险库添加风险</translation>
    </message>
    <message>
        <location line="+11"/>
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
    <name>TemplateDialog</name>
    <message>
        <location filename="../../roadmap_desktop/ui/dialogs/template_dialog.py" line="+63"/>
        <location line="+183"/>
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
        <location filename="../../roadmap_desktop/ui/timeline/timeline_view.py" line="+611"/>
        <source>Nudge item</source>
        <translation>微调事项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nudge %1 items</source>
        <translation>微调 %1 个事项</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Dependency removed</source>
        <translation>已删除依赖</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location line="+88"/>
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
        <location line="+39"/>
        <source>1 item not scheduled — see &lt;a href=&quot;board&quot;&gt;Now/Next/Later&lt;/a&gt;</source>
        <translation>1 个事项未排期 — 见&lt;a href=&quot;board&quot;&gt;现在/下一步/以后&lt;/a&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 items not scheduled — see &lt;a href=&quot;board&quot;&gt;Now/Next/Later&lt;/a&gt;</source>
        <translation>%1 个事项未排期 — 见&lt;a href=&quot;board&quot;&gt;现在/下一步/以后&lt;/a&gt;</translation>
    </message>
</context>
</TS>
