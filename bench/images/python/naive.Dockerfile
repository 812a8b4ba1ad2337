# One stage: pip's cache and the sources stay in the image, and no bytecode is compiled.
FROM python:3.13-bookworm
WORKDIR /var/task
COPY . ./
RUN pip install -r requirements.txt awslambdaric==4.2.2
ENTRYPOINT ["/usr/local/bin/python", "-m", "awslambdaric"]
CMD ["lambda_function.handler"]
