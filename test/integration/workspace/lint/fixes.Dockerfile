FROM alpine:3.19 as base
ENV APP_HOME /app
RUN apk add curl=8.5.0-r0
RUN pip install requests==2.31.0
