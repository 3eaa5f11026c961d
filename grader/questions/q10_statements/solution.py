q10_answers = {
{% for n, truth in a.answers.items() %}    {{ n }}: {{ truth }},
{% endfor %}}
