SELECT order_date, SUM(amount) AS revenue
FROM {{ source_schema }}.orders
WHERE order_date = '{{ run_date }}'
GROUP BY order_date
