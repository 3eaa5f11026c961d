q1_answer = "{{ a.answer }}"
