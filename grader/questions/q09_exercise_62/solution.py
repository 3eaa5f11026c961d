q9_true = {% if a.true %}{{ "{" }}{% for letter in a.true %}"{{ letter }}"{{ ", " if not loop.last }}{% endfor %}{{ "}" }}{% else %}set(){% endif %}
